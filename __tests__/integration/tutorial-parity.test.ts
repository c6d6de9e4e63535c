import { copyFileSync, mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { TerraformWorkspace } from "../../tools/harness/terraform-workspace";
import { type Environment, startEnvironment } from "./environment";

const REFERENCE = resolve(__dirname, "../../reference");

/**
 * GIVEN the tutorial applied from its own HCL (these chapters), WHEN this project's stack takes over
 * that state file, THEN Terraform finds every resource at its address, with nothing to create,
 * replace or destroy.
 */
describe.each([
  { stack: "handson", chapters: ["tutorial.tf"], resources: 39 },
  { stack: "handson-https", chapters: ["tutorial.tf", "tutorial-https.tf"], resources: 47 }, // 46 resources and the zone it looks up
])("switching from the tutorial's HCL ($chapters) to $stack", ({ stack, chapters, resources }) => {
  let e: Environment;
  beforeAll(async () => (e = await startEnvironment(stack)));
  afterAll(async () => e?.dispose());

  it("plans no change against the state the tutorial's HCL applied", async () => {
    const hclDir = join(e.root, "tutorial");
    mkdirSync(hclDir);
    for (const chapter of chapters) copyFileSync(join(REFERENCE, chapter), join(hclDir, chapter));
    const tutorial = new TerraformWorkspace(hclDir, e.env);
    await tutorial.init();
    await tutorial.apply();

    copyFileSync(join(hclDir, "terraform.tfstate"), join(e.root, "terraform.handson.tfstate"));
    await e.workspace.init();
    expect(await e.workspace.plan()).toEqual([]);
    expect(await e.workspace.stateList()).toHaveLength(resources);
  });
});
