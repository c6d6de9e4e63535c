// `npm run hcl`: every environment written as plain Terraform HCL, hcl/stacks/<env>/cdk.tf, the
// way out of CDK for Terraform: `terraform -chdir=hcl/stacks/<env> init && terraform plan` works
// on the same state as the JSON (the folders keep the same depth, so a local state's relative
// path still finds it). cdktf reads the switch when a stack is made: set before anything is.
process.env.SYNTH_HCL_OUTPUT = "true";
process.env.CDKTF_OUTDIR ??= "hcl";

import { spawnSync } from "node:child_process";
import { synthesizeEnvironments } from "../../src/app/synthesize";

process.exitCode = synthesizeEnvironments();
// cdktf writes the HCL unindented: Terraform's own formatting makes it readable.
if (process.exitCode === 0) {
  const fmt = spawnSync("terraform", ["fmt", "-recursive", process.env.CDKTF_OUTDIR], { stdio: ["ignore", "ignore", "inherit"] });
  if (fmt.status !== 0) process.exitCode = 1;
}
