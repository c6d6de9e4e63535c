import { mkdirSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { MIRROR_VARIABLE, terraformEnv } from "../../../tools/harness/terraform-env";

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
