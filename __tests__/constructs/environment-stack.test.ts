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

  it("writes the same Terraform without cdktf's pass for cross-stack references", () => {
    const written = (crossStackReferences: boolean) => {
      const app = new App({ outdir: mkdtempSync(join(tmpdir(), "out-")) });
      new WebServiceStack(app, "production", { defaults: "recommended", https: { domain: "example.com" } }, { crossStackReferences });
      app.synth();
      return readFileSync(join(app.outdir, "stacks", "production", "cdk.tf.json"), "utf8");
    };
    expect(written(false)).toBe(written(true));
  });
});
