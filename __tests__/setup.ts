import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Testing } from "cdktf";
import { terraformEnv } from "../tools/harness/terraform-env";

declare module "vitest" {
  // biome-ignore lint/suspicious/noExplicitAny: must match the declaration of vitest's Matchers
  interface Matchers<T = any> {
    toHaveResource(resource: { tfResourceType: string }): void;
    toHaveResourceWithProperties(resource: { tfResourceType: string }, properties: Record<string, unknown>): void;
    toHaveProvider(provider: { tfResourceType: string }): void;
    toHaveProviderWithProperties(provider: { tfResourceType: string }, properties: Record<string, unknown>): void;
    toBeValidTerraform(): void;
  }
}

// cdktf's matchers run `terraform init` with process.env: give it the provider mirror if one is set.
Object.assign(process.env, terraformEnv());
Testing.setupJest();

// Everything a test file writes to the temporary folder (cdktf's Testing writes an outdir per
// synth, Terraform its plugins) goes into a folder of its own, removed when the file is done.
const systemTmp = tmpdir();
const fileTmp = mkdtempSync(join(systemTmp, "fargate-test-"));
process.env.TMPDIR = fileTmp;
afterAll(() => {
  process.env.TMPDIR = systemTmp;
  rmSync(fileTmp, { recursive: true, force: true });
});
