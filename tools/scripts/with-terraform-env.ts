// Runs a command (cdktf get/deploy/destroy/diff, terraform) with the environment of terraformEnv.
import { spawnSync } from "node:child_process";
import { terraformEnv } from "../harness/terraform-env";

const [command, ...args] = process.argv.slice(2);
if (!command) {
  console.error("usage: tsx tools/scripts/with-terraform-env.ts <command> [args...]");
  process.exit(2);
}
const result = spawnSync(command, args, { stdio: "inherit", env: terraformEnv() });
process.exit(result.status ?? 1);
