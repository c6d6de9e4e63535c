import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { homedir, tmpdir } from "node:os";
import { join, resolve } from "node:path";

/** Environment variable naming a Terraform filesystem mirror holding the AWS provider. */
export const MIRROR_VARIABLE = "TF_PROVIDER_MIRROR";

const AWS_PROVIDER = "registry.terraform.io/hashicorp/aws";

/**
 * The environment Terraform (and `cdktf`, which runs it) should see. With `TF_PROVIDER_MIRROR` set,
 * providers come from that folder only — machines without internet have no registry — through a
 * CLI configuration written to a temporary file; without it, Terraform uses its own configuration
 * and the public registry.
 */
export function terraformEnv(base: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...base, CHECKPOINT_DISABLE: "1" };
  const mirror = base[MIRROR_VARIABLE];
  if (!mirror) return env;
  const mirrorPath = resolve(mirror);
  if (!existsSync(join(mirrorPath, AWS_PROVIDER))) {
    throw new Error(
      `${MIRROR_VARIABLE}: must name a Terraform filesystem mirror containing ${AWS_PROVIDER}; ` +
        `received ${mirror} (no ${join(mirrorPath, AWS_PROVIDER)})`,
    );
  }
  const digest = createHash("sha256").update(mirrorPath).digest("hex").slice(0, 12);
  const configFile = join(tmpdir(), `terraformrc-mirror-${digest}`);
  writeFileSync(configFile, `provider_installation {\n  filesystem_mirror {\n    path = ${JSON.stringify(mirrorPath)}\n  }\n}\n`);
  return { ...env, TF_CLI_CONFIG_FILE: configFile };
}

const REGISTRY_PROBE = "https://registry.terraform.io/v1/providers/hashicorp/aws/versions";

/**
 * Where the user's own Terraform setup installs the AWS provider from without the registry, if it
 * does: a `filesystem_mirror` (holding the provider) or `network_mirror` in the CLI configuration
 * (`TF_CLI_CONFIG_FILE`, else `~/.terraformrc`), or, when that configuration has no
 * `provider_installation`, one of Terraform's implied local mirror folders holding the provider.
 */
export function userProviderSource(base: NodeJS.ProcessEnv = process.env): string | undefined {
  const home = base.HOME ?? homedir();
  const configFile = base.TF_CLI_CONFIG_FILE ?? join(home, ".terraformrc");
  const config = existsSync(configFile) ? readFileSync(configFile, "utf8").replace(/^\s*(#|\/\/).*$/gm, "") : "";
  if (/\bprovider_installation\s*\{/.test(config)) {
    for (const [, path] of config.matchAll(/filesystem_mirror\s*\{[^}]*?\bpath\s*=\s*"([^"]+)"/g)) {
      if (existsSync(join(path, AWS_PROVIDER))) return `${configFile}: filesystem_mirror ${path}`;
    }
    const network = /network_mirror\s*\{[^}]*?\burl\s*=\s*"([^"]+)"/.exec(config);
    return network ? `${configFile}: network_mirror ${network[1]}` : undefined;
  }
  const dataDirs = (base.XDG_DATA_DIRS ?? "/usr/local/share:/usr/share").split(":").filter(Boolean);
  const implied = [
    join(home, ".terraform.d", "plugins"),
    join(base.XDG_DATA_HOME ?? join(home, ".local", "share"), "terraform", "plugins"),
    ...dataDirs.map((dir) => join(dir, "terraform", "plugins")),
  ];
  const found = implied.find((dir) => existsSync(join(dir, AWS_PROVIDER)));
  return found && `Terraform's implied local mirror ${found}`;
}

/**
 * Fails at once, with what to do, when Terraform could not install the AWS provider: no
 * `terraform` on PATH, a mirror without the provider, or no mirror and no way to the registry.
 * Without it, a machine with no internet fails deep inside the first test that runs Terraform.
 */
export async function assertTerraformCanInstallProviders(
  base: NodeJS.ProcessEnv = process.env,
  reachRegistry: () => Promise<unknown> = () => fetch(REGISTRY_PROBE, { signal: AbortSignal.timeout(5_000) }),
): Promise<void> {
  const version = spawnSync("terraform", ["version"], { env: base, encoding: "utf8" });
  if (version.error || version.status !== 0) {
    throw new Error("terraform: must be on PATH (Terraform >= 1.10); it is needed to init, validate, plan and apply the stacks");
  }
  if (base[MIRROR_VARIABLE]) {
    terraformEnv(base);
    return;
  }
  if (userProviderSource(base)) return;
  try {
    await reachRegistry();
  } catch (error) {
    throw new Error(
      `${MIRROR_VARIABLE}: must name a Terraform filesystem mirror holding ${AWS_PROVIDER} 5.100.0 on a machine ` +
        `that cannot reach the registry (${REGISTRY_PROBE}: ${(error as Error).cause ?? (error as Error).message}), ` +
        "unless your Terraform CLI configuration (TF_CLI_CONFIG_FILE or ~/.terraformrc) names a mirror; " +
        `received nothing. For example: ${MIRROR_VARIABLE}=/opt/tf-plugins npm test`,
    );
  }
}
