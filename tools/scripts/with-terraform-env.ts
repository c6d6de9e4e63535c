// Runs a command (cdktf get/deploy/destroy/diff, terraform) with the environment of terraformEnv;
// before `cdktf deploy`, prints what the stacks it deploys cost a month (npm run cost); after it,
// checks that every service of each deployed stack serves the task definition Terraform gave it,
// and exits non-zero, saying why, when one does not (a rollback, tasks that never become healthy).
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { estimateBeforeApply } from "../../src/cost/format-cost";
import { operationsClients } from "../../src/operations/aws-clients";
import { checkDeployedServices } from "../../src/operations/deploy-check";
import { stackRegion, stackServices } from "../../src/operations/stack-services";
import { deployedTaskDefinitions } from "../../src/operations/terraform-state";
import { terraformEnv } from "../harness/terraform-env";
import { serviceCheckTimeout } from "./durations";
import { synthesizedEnvironments } from "./synthesized-environments";

const [command, ...args] = process.argv.slice(2);
if (!command) {
  console.error("usage: tsx tools/scripts/with-terraform-env.ts <command> [args...]");
  process.exit(2);
}
const deploying = command === "cdktf" && args[0] === "deploy";
// cdktf's options that take a value, so that the value is not read as a stack's name.
const VALUE_OPTIONS = new Set(["--output", "-o", "--outputs-file", "--var", "--var-file", "--parallelism", "--app", "-a"]);
const named = args.slice(1).filter((arg, index, all) => !arg.startsWith("-") && !VALUE_OPTIONS.has(all[index - 1] ?? ""));
const outputAt = args.findIndex((arg) => arg === "--output" || arg === "-o");
const outdir = outputAt >= 0 ? args[outputAt + 1] : "cdktf.out";
if (deploying) {
  for (const { name, written } of synthesizedEnvironments(
    named.filter((arg) => !arg.includes("*")),
    "deploy",
  )) {
    if (!written) continue; // cdktf itself says why
    console.log(`${estimateBeforeApply(name, written.json, written.region)}\n(npm run cost: 730 hours a month, no traffic)\n`);
  }
}
const env = terraformEnv();
const result = spawnSync(command, args, { stdio: "inherit", env });
if (result.status !== 0 || !deploying) process.exit(result.status ?? 1);

/** The stacks cdktf just deployed: those named, or all it wrote for a pattern or none. */
function deployedStacks(): string[] {
  const manifest = JSON.parse(readFileSync(join(outdir, "manifest.json"), "utf8")) as { stacks: Record<string, unknown> };
  const all = Object.keys(manifest.stacks);
  const patterns = named.map((name) => new RegExp(`^${name.replace(/[.+?^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*")}$`));
  return patterns.length ? all.filter((stack) => patterns.some((pattern) => pattern.test(stack))) : all;
}

async function checkEveryService(): Promise<number> {
  let exitCode = 0;
  for (const stack of deployedStacks()) {
    const dir = join(outdir, "stacks", stack);
    if (!existsSync(join(dir, "cdk.tf.json"))) continue;
    const json = JSON.parse(readFileSync(join(dir, "cdk.tf.json"), "utf8"));
    const services = stackServices(json);
    if (!services.length) continue;
    console.log(`\nChecking that every service of ${stack} serves what was deployed…`);
    const code = await checkDeployedServices(operationsClients(stackRegion(json)), services, deployedTaskDefinitions(dir, env), {
      timeoutSeconds: serviceCheckTimeout(),
      pollSeconds: 10,
      log: (line) => console.log(line),
      error: (line) => console.error(line),
    });
    exitCode = Math.max(exitCode, code);
  }
  return exitCode;
}

checkEveryService().then(
  (code) => process.exit(code),
  (error: Error) => {
    console.error(`deploy: the check of the services failed: ${error.message}`);
    process.exit(1);
  },
);
