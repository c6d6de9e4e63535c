// `npm run hcl`: every environment written as plain Terraform HCL, hcl/stacks/<env>/cdk.tf, the
// way out of CDK for Terraform: `terraform -chdir=hcl/stacks/<env> init && terraform plan` works
// on the same state as the JSON (the folders keep the JSON's depth, so a local state's relative
// path still finds it). Written from the synthesized JSON with the provider's schema, which tells
// blocks from attributes; cdktf's own HCL output (`cdktf synth --hcl`) mis-escapes strings that
// hold both quotes and expressions, such as IAM policies naming a log group, and loses overrides.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type ProviderSchema, toHcl } from "../../src/terraform/to-hcl";
import { terraformEnv } from "../harness/terraform-env";
import { synthesizedEnvironments } from "./synthesized-environments";

const outdir = process.env.CDKTF_OUTDIR ?? "hcl";

function terraform(dir: string, args: string[]): string {
  const run = spawnSync("terraform", args, { cwd: dir, env: terraformEnv(), encoding: "utf8", maxBuffer: 1024 * 1024 * 1024 });
  if (run.status !== 0) {
    console.error(`hcl: terraform ${args.join(" ")} failed:\n${run.stderr}`);
    process.exit(1);
  }
  return run.stdout;
}

/** The AWS provider's schema, from the provider the stacks require, installed as Terraform installs it. */
function awsSchema(version: string): ProviderSchema {
  const dir = mkdtempSync(join(tmpdir(), "hcl-schema-"));
  try {
    const config = { terraform: { required_providers: { aws: { source: "hashicorp/aws", version } } } };
    writeFileSync(join(dir, "main.tf.json"), JSON.stringify(config));
    terraform(dir, ["init", "-backend=false", "-input=false", "-no-color"]);
    const schemas = JSON.parse(terraform(dir, ["providers", "schema", "-json"])).provider_schemas;
    return schemas["registry.terraform.io/hashicorp/aws"];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const written = synthesizedEnvironments(process.argv.slice(2), "hcl").flatMap(({ name, written }) =>
  written ? [{ name, json: written.json }] : [],
);
if (written.length) {
  const version = (written[0].json as { terraform?: { required_providers?: { aws?: { version?: string } } } }).terraform?.required_providers
    ?.aws?.version;
  const schema = awsSchema(version ?? "5.100.0");
  for (const { name, json } of written) {
    const dir = join(outdir, "stacks", name);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, "main.tf"), toHcl(json, schema));
    console.log(`  ${join(dir, "main.tf")}`);
  }
  terraform(".", ["fmt", "-recursive", outdir]);
}
