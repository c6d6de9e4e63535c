import { copyFileSync, mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { TerraformWorkspace } from "../../tools/harness/terraform-workspace";
import { type Environment, startEnvironment } from "./environment";

const TUTORIAL_HCL = resolve(__dirname, "../../reference/tutorial.tf");

describe("switching from the tutorial's HCL to this project", () => {
  let e: Environment;
  beforeAll(async () => (e = await startEnvironment()));
  afterAll(async () => e?.dispose());

  it("plans no change against the state the tutorial's HCL applied", async () => {
    // GIVEN the tutorial applied from its own HCL
    const hclDir = join(e.root, "tutorial");
    mkdirSync(hclDir);
    copyFileSync(TUTORIAL_HCL, join(hclDir, "main.tf"));
    const tutorial = new TerraformWorkspace(hclDir, e.env);
    await tutorial.init();
    await tutorial.apply();

    // WHEN this project's stack takes over that state file
    copyFileSync(join(hclDir, "terraform.tfstate"), join(e.root, "terraform.handson.tfstate"));
    await e.workspace.init();
    const changes = await e.workspace.plan();

    // THEN Terraform finds every resource at its address, with nothing to create, replace or destroy
    expect(changes).toEqual([]);
    expect(await e.workspace.stateList()).toHaveLength(39);
  });
});
