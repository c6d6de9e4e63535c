import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { ShownPlan } from "../../src/impact/plan";
import { startCommand } from "../../tools/harness/run-command";
import { TerraformWorkspace } from "../../tools/harness/terraform-workspace";
import { type Environment, startEnvironment } from "./environment";

const PROJECT = resolve(__dirname, "../..");
const REFERENCE = join(PROJECT, "reference");
/** What `npm run synth` reads and runs: the environment's folder becomes a copy of the project with these. */
const PROJECT_FILES = ["package.json", "tsconfig.json", "main.ts", "src", "config", "node_modules"];

const reference = (file: string) => readFileSync(join(REFERENCE, file), "utf8");

/** reference/tutorial.tf as a reader has it after the ALB chapter: everything before the ECS chapter's line. */
function upToTheAlbChapter(): string {
  const whole = reference("tutorial.tf");
  const ecsChapter = whole.indexOf("\n# --- ECS chapter");
  if (ecsChapter < 0) throw new Error("reference/tutorial.tf: must mark its ECS chapter with a line `# --- ECS chapter`");
  return whole.slice(0, ecsChapter + 1);
}

/** `terraform plan` with Terraform's own verdict: exit code 0 when nothing would change, 2 when something would. */
const PLAN = ["plan", "-detailed-exitcode", "-input=false", "-no-color"];
const NO_CHANGES = "No changes. Your infrastructure matches the configuration.";

/** A plan as `terraform show -json` shows it, with the outputs it would change. */
type ShownPlanWithOutputs = ShownPlan & { readonly output_changes?: Record<string, { readonly actions: readonly string[] }> };

/**
 * docs/en/hands-on.md, "Bringing over a state written by the hands-on's HCL", followed as written by
 * a reader who stopped after a chapter: GIVEN the hands-on's own HCL applied in its own folder,
 * WHEN its state is copied into this project and the matching stage synthesized and planned,
 * THEN Terraform finds every resource at its address, with nothing to create, change or destroy.
 * The three readers run side by side, each against a moto server of their own; each reader's
 * steps run in order (`it.sequential`).
 */
describe.concurrent.each([
  { chapter: "ALB", stage: "handson-alb", hcl: () => ({ "tutorial.tf": upToTheAlbChapter() }), resources: 32, lookedUp: [] },
  { chapter: "ECS", stage: "handson", hcl: () => ({ "tutorial.tf": reference("tutorial.tf") }), resources: 39, lookedUp: [] },
  {
    chapter: "HTTPS",
    stage: "handson-https",
    hcl: () => ({ "tutorial.tf": reference("tutorial.tf"), "tutorial-https.tf": reference("tutorial-https.tf") }),
    resources: 46,
    lookedUp: ["data.aws_route53_zone.main"],
  },
])("bringing over the hands-on's state after its $chapter chapter to $stage", ({ stage, hcl, resources, lookedUp }) => {
  // The environment's folder is the project (its stages, and the state they share, land there);
  // the hands-on's folder is one of its own, as ~/introduction-terraform is for the reader.
  let e: Environment;
  let away: string;
  let handsOnDir: string;
  let handsOn: TerraformWorkspace;
  const stageDir = `cdktf.out/stacks/${stage}`;

  beforeAll(async () => {
    // The stage's facts give moto the hosted zone the HTTPS chapter looks up.
    e = await startEnvironment(stage);
    for (const file of PROJECT_FILES) symlinkSync(join(PROJECT, file), join(e.root, file));
    away = mkdtempSync(join(tmpdir(), "hands-on-"));
    handsOnDir = join(away, "introduction-terraform");
    mkdirSync(handsOnDir);
    for (const [file, text] of Object.entries(hcl())) writeFileSync(join(handsOnDir, file), text);
    handsOn = new TerraformWorkspace(handsOnDir, e.env);
  });
  afterAll(async () => {
    await e?.dispose();
    if (away) rmSync(away, { recursive: true, force: true });
  });

  it.sequential("1. the hands-on's HCL, applied in its folder, has nothing pending there", async () => {
    // GIVEN the hands-on's HCL applied in its own folder
    await handsOn.init();
    await handsOn.apply();

    // WHEN the reader plans there
    const plan = await handsOn.run(PLAN);

    // THEN it says "No changes."
    expect(plan.code, plan.stderr + plan.stdout.slice(-4_000)).toBe(0);
    expect(plan.stdout).toContain(NO_CHANGES);
  });

  it.sequential("2.-4. the state copied as terraform.handson.tfstate, the stage synthesized and planned: no change to its resources", async () => {
    // GIVEN the hands-on's state copied into the project under its name (step 2)
    writeFileSync(join(e.root, "terraform.handson.tfstate"), readFileSync(join(handsOnDir, "terraform.tfstate")));

    // WHEN the reader runs `npm run synth` in the project (the harness's synth removed first, so
    // that what is planned is what the command wrote), then inits and plans the stage (steps 3 and 4)
    rmSync(join(e.root, "cdktf.out"), { recursive: true, force: true });
    const synth = await startCommand("npm", ["run", "synth"], { cwd: e.root, env: e.env }).done;
    expect(synth.code, synth.stderr).toBe(0);
    expect(synth.stdout).toContain(`${stageDir}/cdk.tf.json`);
    const project = new TerraformWorkspace(e.root, e.env);
    await project.must([`-chdir=${stageDir}`, "init", "-input=false", "-no-color"]);
    const plan = await project.must([`-chdir=${stageDir}`, "plan", "-input=false", "-no-color", "-out=tfplan"]);
    const shown: ShownPlanWithOutputs = JSON.parse((await project.must([`-chdir=${stageDir}`, "show", "-json", "tfplan"])).stdout);

    // THEN Terraform finds the hands-on's resources, and the zone it looked up, at the stage's
    // addresses: nothing to create, change or destroy. The hands-on's HCL declares no outputs, so
    // the stage's are new: Terraform plans to record them, "without changing any real infrastructure".
    expect((shown.resource_changes ?? []).filter((change) => !change.change.actions.every((action) => action === "no-op"))).toEqual([]);
    expect(plan.stdout).toContain("without changing any real infrastructure");
    const declared = Object.keys(JSON.parse(readFileSync(join(e.root, stageDir, "cdk.tf.json"), "utf8")).output);
    const outputChanges = Object.entries(shown.output_changes ?? {}).map(([name, change]) => [name, change.actions]);
    expect(Object.fromEntries(outputChanges)).toEqual(Object.fromEntries(declared.map((name) => [name, ["create"]])));
    const addresses = await TerraformWorkspace.ofStack(e.root, stage, e.env).stateList();
    expect(addresses.filter((address) => !address.startsWith("data."))).toHaveLength(resources);
    expect(addresses.filter((address) => address.startsWith("data."))).toEqual(lookedUp);
  });

  it.sequential("5. the hands-on's state moved out of its folder leaves one state, the project's", async () => {
    // GIVEN the hands-on's folder holding its state (and its backup, once an apply replaced an
    // earlier state: the single apply here leaves none)
    const states = ["terraform.tfstate", "terraform.tfstate.backup"].filter((file) => existsSync(join(handsOnDir, file)));
    expect(states).toContain("terraform.tfstate");

    // WHEN the reader moves them out of it
    const retired = join(away, "retired-hands-on-state");
    mkdirSync(retired);
    for (const file of states) renameSync(join(handsOnDir, file), join(retired, file));

    // THEN the hands-on's folder holds no state any more; the project's holds every resource
    expect(await handsOn.stateList()).toEqual([]);
    expect(await TerraformWorkspace.ofStack(e.root, stage, e.env).stateList()).toHaveLength(resources + lookedUp.length);
  });
});
