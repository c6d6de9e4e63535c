import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { App, Testing } from "cdktf";
import { WebServiceStack } from "../../src/constructs/web-service-stack";
import { synthesize } from "../helpers";

describe("EnvironmentStack", () => {
  it("keeps its state in the file of the environment it shares state with", () => {
    const synth = synthesize(new WebServiceStack(Testing.app(), "handson-https", { sharesStateWith: "handson" }));
    expect(synth.doc.terraform?.backend).toEqual({ local: { path: "../../../terraform.handson.tfstate" } });
  });

  const settings = { defaults: "recommended", https: { domain: "example.com" }, readonlyRootFilesystem: true } as const;
  const written = (crossStackReferences: boolean, skipValidation = false) => {
    const app = new App({ outdir: mkdtempSync(join(tmpdir(), "out-")), skipValidation });
    new WebServiceStack(app, "production", settings, { crossStackReferences });
    app.synth();
    return readFileSync(join(app.outdir, "stacks", "production", "cdk.tf.json"), "utf8");
  };

  it("writes the same Terraform without cdktf's pass for cross-stack references", () => {
    expect(written(false)).toBe(written(true));
  });

  it("writes the Terraform the policy checks read, the same as without them", () => {
    expect(written(false)).toBe(written(false, true));
  });
});
