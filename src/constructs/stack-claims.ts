import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { TerraformStack, Token } from "cdktf";
import type { Construct } from "constructs";
import { SettingsError } from "../settings/problems";

const namesInStack = new WeakMap<TerraformStack, Map<string, string>>();

/** The region of the stack's AWS provider, when it is known at synth time. */
export function providerRegion(scope: Construct): string | undefined {
  const provider = TerraformStack.of(scope).node.children.find((child): child is AwsProvider => child instanceof AwsProvider);
  const region = provider?.region;
  return region && !Token.isUnresolved(region) ? region : undefined;
}

/** Two services or platforms of one name in a stack would ask AWS for the same load balancer, cluster, service, … */
export function claimName(owner: Construct, name: string): void {
  const stack = TerraformStack.of(owner);
  const names = namesInStack.get(stack) ?? new Map<string, string>();
  namesInStack.set(stack, names);
  const other = names.get(name);
  if (other !== undefined) {
    throw new SettingsError([
      `${owner.node.path}.name: must differ from the name of ${other} in the same stack (AWS names would collide); received "${name}"`,
    ]);
  }
  names.set(name, owner.node.path);
}
