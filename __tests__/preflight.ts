import { assertTerraformCanInstallProviders } from "../tools/harness/terraform-env";

/** vitest's global setup: say up front what is missing, before any test runs Terraform. */
export default async function preflight(): Promise<void> {
  await assertTerraformCanInstallProviders();
}
