// Runs a command (cdktf get/deploy/destroy/diff, terraform) with the environment of terraformEnv;
// before `cdktf deploy`, prints what the stacks it deploys cost a month (npm run cost).
import { spawnSync } from "node:child_process";
import { estimateBeforeApply } from "../../src/cost/format-cost";
import { terraformEnv } from "../harness/terraform-env";
import { synthesizedEnvironments } from "./synthesized-environments";

const [command, ...args] = process.argv.slice(2);
if (!command) {
  console.error("usage: tsx tools/scripts/with-terraform-env.ts <command> [args...]");
  process.exit(2);
}
if (command === "cdktf" && args[0] === "deploy") {
  const named = args.slice(1).filter((arg) => !arg.startsWith("-") && !arg.includes("*"));
  for (const { name, written } of synthesizedEnvironments(named, "deploy")) {
    if (!written) continue; // cdktf itself says why
    console.log(`${estimateBeforeApply(name, written.json, written.region)}\n(npm run cost: 730 hours a month, no traffic)\n`);
  }
}
const result = spawnSync(command, args, { stdio: "inherit", env: terraformEnv() });
process.exit(result.status ?? 1);
