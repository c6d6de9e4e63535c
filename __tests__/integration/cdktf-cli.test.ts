import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { inventory } from "../../tools/harness/aws-inventory";
import { startCommand } from "../../tools/harness/run-command";
import { type Environment, NOTHING_LEFT, startEnvironment } from "./environment";

const PROJECT = resolve(__dirname, "../..");

/** Runs the cdktf CLI the way users do, from the project, writing only into the test's folder. */
async function cdktf(e: Environment, args: string[]): Promise<{ code: number | null; output: string }> {
  const outdir = join(e.root, "cdktf.out");
  const { code, stdout, stderr } = await startCommand("npx", ["cdktf", ...args, "handson", "--auto-approve", "--output", outdir], {
    cwd: PROJECT,
    env: { ...e.env, CI: "true" },
  }).done;
  return { code, output: stdout + stderr };
}

describe("cdktf deploy and cdktf destroy against a local AWS API", () => {
  let e: Environment;
  beforeAll(async () => (e = await startEnvironment()));
  afterAll(async () => e?.dispose());

  it("deploys the stack and writes its outputs", async () => {
    const outputsFile = join(e.root, "outputs.json");
    // Offline, the provider lock would ask the registry for other platforms' checksums.
    const deploy = await cdktf(e, ["deploy", "--skip-provider-lock", "--outputs-file", outputsFile]);
    expect(deploy.code, deploy.output.slice(-3_000)).toBe(0);

    const outputs = JSON.parse(readFileSync(outputsFile, "utf8")).handson;
    expect(outputs).toMatchObject({ cluster_name: "handson", service_name: "handson" });
    expect(outputs.url).toBe(`http://${outputs.alb_dns_name}`);
    expect(await inventory(e.aws)).toMatchObject({
      loadBalancers: ["handson"],
      targetGroups: ["handson"],
      clusters: ["handson"],
      services: ["handson/handson"],
    });
    // The state lands beside the test's cdktf.out, never in the project.
    expect(await e.workspace.stateList()).toHaveLength(39);
  });

  it("destroys it again", async () => {
    const destroy = await cdktf(e, ["destroy"]);
    expect(destroy.code, destroy.output.slice(-3_000)).toBe(0);
    expect(await e.workspace.stateList()).toEqual([]);
    expect(await inventory(e.aws)).toEqual(NOTHING_LEFT);
  });
});
