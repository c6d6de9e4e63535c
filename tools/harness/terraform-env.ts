import { createHash } from "node:crypto";
import { existsSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
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
  writeFileSync(
    configFile,
    `provider_installation {\n  filesystem_mirror {\n    path = ${JSON.stringify(mirrorPath)}\n  }\n}\n`,
  );
  return { ...env, TF_CLI_CONFIG_FILE: configFile };
}
