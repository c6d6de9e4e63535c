import { Testing } from "cdktf";
import { terraformEnv } from "../tools/harness/terraform-env";

declare module "vitest" {
  interface Matchers<T = any> {
    toHaveResource(resource: { tfResourceType: string }): void;
    toHaveResourceWithProperties(resource: { tfResourceType: string }, properties: Record<string, unknown>): void;
    toHaveProvider(provider: { tfResourceType: string }): void;
    toHaveProviderWithProperties(provider: { tfResourceType: string }, properties: Record<string, unknown>): void;
    toBeValidTerraform(): void;
  }
}

// cdktf's matchers run `terraform init` with process.env: give it the provider mirror if one is set.
process.env = terraformEnv();
Testing.setupJest();
