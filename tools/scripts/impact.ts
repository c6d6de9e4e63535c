// `npm run impact -- [<stack>] [--fail-on <severity>] [--plan-json <file>]`: what applying the
// current settings would do to the running service, from Terraform's own plan. Synthesizes,
// plans the stack against its state (`terraform plan`, read back with `terraform show -json`),
// and explains each change; with --plan-json, explains a plan shown before (CI pipelines).
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { App, Manifest } from "cdktf";
import { synthesizeEnvironments } from "../../src/app/synthesize";
import { explainPlan, reaches, SEVERITIES } from "../../src/impact/explain-plan";
import { formatImpact } from "../../src/impact/format-impact";
import type { ShownPlan } from "../../src/impact/plan";
import type { Severity } from "../../src/impact/resource-effects";
import { terraformEnv } from "../harness/terraform-env";

const { outdir } = new App();

/** Exit code when a change reaches the --fail-on severity (Terraform itself uses 1 and 2). */
const REACHED = 3;

const { values: options, positionals } = parseArgs({
  allowPositionals: true,
  options: { "fail-on": { type: "string" }, "plan-json": { type: "string" } },
});

function fail(message: string): never {
  console.error(`impact: ${message}`);
  process.exit(1);
}

const threshold = options["fail-on"] as Severity | undefined;
if (threshold !== undefined && !SEVERITIES.includes(threshold)) {
  fail(`--fail-on: must be one of ${SEVERITIES.join(", ")}; received "${threshold}"`);
}

function terraform(dir: string, args: string[]): string {
  const result = spawnSync("terraform", args, { cwd: dir, env: terraformEnv(), encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
  if (result.error) fail(`terraform: ${result.error.message}`);
  if (result.status !== 0) fail(`terraform ${args[0]} failed in ${dir}:\n${result.stderr}${result.stdout.slice(-4_000)}`);
  return result.stdout;
}

function planOf(stack: string): ShownPlan {
  const dir = join(outdir, Manifest.stacksFolder, stack);
  terraform(dir, ["init", "-input=false", "-no-color"]);
  const scratch = mkdtempSync(join(tmpdir(), "impact-"));
  try {
    const planFile = join(scratch, "plan");
    terraform(dir, ["plan", "-input=false", "-no-color", `-out=${planFile}`]);
    return JSON.parse(terraform(dir, ["show", "-json", planFile]));
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

function main(): number {
  let [stack] = positionals;
  let plan: ShownPlan;
  if (options["plan-json"]) {
    plan = JSON.parse(readFileSync(options["plan-json"], "utf8"));
    stack ??= options["plan-json"];
  } else {
    const code = synthesizeEnvironments({ log: () => {}, error: (line) => console.error(line) });
    if (code !== 0) return code;
    const stacks = Object.keys(JSON.parse(readFileSync(join(outdir, Manifest.fileName), "utf8")).stacks);
    if (stack === undefined && stacks.length === 1) [stack] = stacks;
    if (stack === undefined || !stacks.includes(stack))
      fail(`<stack>: must be one of ${stacks.join(", ")}; received ${stack ?? "nothing"}`);
    plan = planOf(stack);
  }
  const impact = explainPlan(plan);
  console.log(formatImpact(stack, impact));
  return threshold && reaches(impact, threshold) ? REACHED : 0;
}

process.exitCode = main();
