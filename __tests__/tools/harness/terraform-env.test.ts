import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  assertTerraformCanInstallProviders,
  MIRROR_VARIABLE,
  terraformEnv,
  userProviderSource,
} from "../../../tools/harness/terraform-env";

/** A folder laid out as a filesystem mirror holding the AWS provider. */
function mirrorFolder(): string {
  const mirror = mkdtempSync(join(tmpdir(), "mirror-"));
  mkdirSync(join(mirror, "registry.terraform.io/hashicorp/aws"), { recursive: true });
  return mirror;
}

/** A Terraform CLI configuration file with this text, and a home without one. */
function cliConfig(text: string): NodeJS.ProcessEnv {
  const home = mkdtempSync(join(tmpdir(), "home-"));
  const file = join(home, "custom.tfrc");
  writeFileSync(file, text);
  return { HOME: home, TF_CLI_CONFIG_FILE: file, XDG_DATA_DIRS: join(home, "none") };
}

describe("terraformEnv", () => {
  it("leaves Terraform's own configuration alone when no mirror is named", () => {
    const env = terraformEnv({ PATH: "/bin", TF_CLI_CONFIG_FILE: "/home/me/.terraformrc" });
    expect(env).toEqual({ PATH: "/bin", TF_CLI_CONFIG_FILE: "/home/me/.terraformrc", CHECKPOINT_DISABLE: "1" });
  });

  it("points Terraform at a CLI configuration that installs providers from the mirror", () => {
    // GIVEN a folder laid out as a filesystem mirror
    const mirror = mkdtempSync(join(tmpdir(), "mirror-"));
    mkdirSync(join(mirror, "registry.terraform.io/hashicorp/aws"), { recursive: true });
    // WHEN the environment is built
    const env = terraformEnv({ [MIRROR_VARIABLE]: mirror });
    // THEN the CLI configuration names that folder as the only installation method
    const config = readFileSync(env.TF_CLI_CONFIG_FILE!, "utf8");
    expect(config).toBe(`provider_installation {\n  filesystem_mirror {\n    path = "${mirror}"\n  }\n}\n`);
  });

  it("rejects a mirror without the AWS provider, naming the variable and the folder", () => {
    const empty = mkdtempSync(join(tmpdir(), "mirror-"));
    expect(() => terraformEnv({ [MIRROR_VARIABLE]: empty })).toThrow(
      `TF_PROVIDER_MIRROR: must name a Terraform filesystem mirror containing registry.terraform.io/hashicorp/aws; received ${empty}`,
    );
  });
});

describe("the user's own Terraform configuration", () => {
  const unreachable = () => Promise.reject(new Error("getaddrinfo ENOTFOUND registry.terraform.io"));

  it("is honoured offline when it names a filesystem mirror holding the AWS provider: no TF_PROVIDER_MIRROR needed", async () => {
    const mirror = mirrorFolder();
    const env = cliConfig(
      `provider_installation {\n  filesystem_mirror {\n    path    = "${mirror}"\n    include = ["registry.terraform.io/*/*"]\n  }\n}\n`,
    );
    expect(userProviderSource(env)).toBe(`${env.TF_CLI_CONFIG_FILE}: filesystem_mirror ${mirror}`);
    await expect(
      assertTerraformCanInstallProviders({ ...process.env, ...env, [MIRROR_VARIABLE]: undefined }, unreachable),
    ).resolves.toBeUndefined();
  });

  it("counts a network mirror, and the implied local mirror of ~/.terraform.d/plugins", () => {
    expect(
      userProviderSource(cliConfig('provider_installation {\n  network_mirror {\n    url = "https://mirror.example.com/"\n  }\n}\n')),
    ).toMatch(/network_mirror https:\/\/mirror\.example\.com\/$/);
    const env = cliConfig("");
    mkdirSync(join(env.HOME!, ".terraform.d/plugins/registry.terraform.io/hashicorp/aws"), { recursive: true });
    expect(userProviderSource(env)).toBe(`Terraform's implied local mirror ${join(env.HOME!, ".terraform.d/plugins")}`);
  });

  it("still stops the tests at once, saying what to set, when nothing installs the provider offline", async () => {
    const env = cliConfig(
      `provider_installation {\n  filesystem_mirror {\n    path = "${mkdtempSync(join(tmpdir(), "empty-"))}"\n  }\n}\n`,
    );
    expect(userProviderSource(env)).toBeUndefined();
    await expect(assertTerraformCanInstallProviders({ ...process.env, ...env, [MIRROR_VARIABLE]: undefined }, unreachable)).rejects.toThrow(
      /^TF_PROVIDER_MIRROR: must name a Terraform filesystem mirror .* unless your Terraform CLI configuration \(TF_CLI_CONFIG_FILE or ~\/\.terraformrc\) names a mirror/,
    );
  });
});
