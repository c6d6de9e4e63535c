import { TerraformDataSource, type TerraformOutput, TerraformResource, TerraformStack } from "cdktf";

const claimedAddresses = new WeakMap<TerraformStack, Map<string, string>>();

/**
 * Gives a resource the Terraform address the tutorial's HCL uses (`aws_vpc.main`), or that address
 * behind a prefix (`aws_vpc.api_main`), instead of cdktf's path-derived default
 * (`network_vpc_1A2B3C4D`). Keeping the tutorial's addresses means a state written by its HCL
 * carries over with no change; changing one makes Terraform destroy and recreate the real resource.
 * cdktf would let a second resource at the same address silently replace the first in the JSON:
 * that is refused here.
 */
export function pinAddress(element: TerraformResource | TerraformDataSource | TerraformOutput, name: string, prefix?: string): void {
  const logicalId = prefix ? `${prefix}_${name}` : name;
  const kind =
    element instanceof TerraformResource
      ? element.terraformResourceType
      : element instanceof TerraformDataSource
        ? `data.${element.terraformResourceType}`
        : "output";
  const address = `${kind}.${logicalId}`;
  const stack = TerraformStack.of(element);
  const claimed = claimedAddresses.get(stack) ?? new Map<string, string>();
  claimedAddresses.set(stack, claimed);
  const owner = claimed.get(address);
  if (owner !== undefined && owner !== element.node.path) {
    throw new Error(
      `${element.node.path}: Terraform address ${address} is already used by ${owner}; ` +
        "give each FargateWebService in a stack its own addressPrefix",
    );
  }
  claimed.set(address, element.node.path);
  element.overrideLogicalId(logicalId);
}

/** `ap-northeast-1a` → `1a`: the suffix the tutorial uses in addresses and names. */
export function zoneSuffix(availabilityZone: string): string {
  return availabilityZone.split("-").pop() ?? availabilityZone;
}

/** `pinAddress` with the prefix of one construct's props bound. */
export function addressPinner(
  prefix: string | undefined,
): (element: TerraformResource | TerraformDataSource | TerraformOutput, name: string) => void {
  return (element, name) => pinAddress(element, name, prefix);
}

/** A resource's Terraform address (`aws_vpc.main`), for the places Terraform wants a bare reference. */
export function addressOf(resource: TerraformResource): string {
  return `${resource.terraformResourceType}.${resource.friendlyUniqueId}`;
}
