// One cold synthesis, run by tools/bench.ts in a fresh process: `bare` is the floor any cdktf app
// pays (one provider, one resource), `handson` is this project's default stack. Prints the peak
// resident memory of this process as JSON on its last line.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

async function synthesize(kind: string, outdir: string): Promise<void> {
  const { App, TerraformStack } = await import("cdktf");
  const app = new App({ outdir });
  if (kind === "bare") {
    const { AwsProvider } = await import("@cdktf/provider-aws/lib/provider");
    const { Vpc } = await import("@cdktf/provider-aws/lib/vpc");
    const stack = new TerraformStack(app, "bare");
    new AwsProvider(stack, "aws", { region: "ap-northeast-1" });
    new Vpc(stack, "vpc", { cidrBlock: "10.0.0.0/16" });
  } else if (kind === "handson") {
    const { WebServiceStack } = await import("../src/web-service-stack");
    new WebServiceStack(app, "handson");
  } else {
    throw new Error(`kind: must be bare or handson; received ${kind}`);
  }
  app.synth();
}

const outdir = mkdtempSync(join(tmpdir(), "bench-synth-"));
synthesize(process.argv[2] ?? "", outdir)
  .then(() => console.log(JSON.stringify({ maxRssKiB: process.resourceUsage().maxRSS })))
  .finally(() => rmSync(outdir, { recursive: true, force: true }));
