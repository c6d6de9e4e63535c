import { TerraformElement } from "cdktf";

/**
 * Gives a resource the Terraform address the tutorial's HCL uses (`aws_vpc.main`), instead of
 * cdktf's path-derived default (`network_vpc_1A2B3C4D`). Keeping the tutorial's addresses means a
 * state written by the tutorial's HCL carries over with no change in `terraform plan`; changing one
 * would make Terraform destroy and recreate the real resource.
 */
export function pinAddress(element: TerraformElement, name: string): void {
  element.overrideLogicalId(name);
}

/** `ap-northeast-1a` → `1a`: the suffix the tutorial uses in addresses and names. */
export function zoneSuffix(availabilityZone: string): string {
  return availabilityZone.split("-").pop() ?? availabilityZone;
}
