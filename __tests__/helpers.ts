import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { TerraformStack, Testing } from "cdktf";
import type { Construct } from "constructs";
import type { FargateWebServiceProps } from "../src/settings/settings";

/** A synthesized stack: the JSON cdktf's matchers take, and the parsed document to index by address. */
export interface Synthesized {
  readonly json: string;
  readonly doc: {
    resource: Record<string, Record<string, Record<string, unknown>>>;
    data?: Record<string, Record<string, Record<string, unknown>>>;
    output?: Record<string, { value: string }>;
    provider?: Record<string, unknown[]>;
    terraform?: Record<string, unknown>;
  };
}

export function synthesize(stack: TerraformStack): Synthesized {
  const json = Testing.synth(stack);
  return { json, doc: JSON.parse(json) };
}

/** Synthesizes whatever `build` adds to an empty stack with an AWS provider. */
export function synthesizeScope(build: (scope: Construct) => void): Synthesized {
  const stack = new TerraformStack(Testing.app(), "test");
  new AwsProvider(stack, "aws", { region: "ap-northeast-1" });
  build(stack);
  return synthesize(stack);
}

/** The resource at a Terraform address (`aws_vpc.main`), failing loudly when it is absent. */
// biome-ignore lint/suspicious/noExplicitAny: synthesized Terraform JSON, which tests read field by field
export function resourceAt(synth: Synthesized, address: string): Record<string, any> {
  const [type, name] = address.split(".");
  const found = synth.doc.resource[type]?.[name];
  if (!found) throw new Error(`no resource ${address}; have ${addresses(synth).join(", ")}`);
  return found;
}

/** Every resource address in the stack, sorted. */
export function addresses(synth: Synthesized): string[] {
  return Object.entries(synth.doc.resource)
    .flatMap(([type, byName]) => Object.keys(byName).map((name) => `${type}.${name}`))
    .sort();
}

/** The interpolation Terraform uses to reference an attribute: `${aws_vpc.main.id}`. */
export function ref(address: string, attribute: string): string {
  return `\${${address}.${attribute}}`;
}

/** Settings of another service beside the tutorial's: its own name and VPC (10.<octet>.0.0/16). */
export function anotherService(name: string, octet = 1): FargateWebServiceProps {
  const cidrs = (third: number[]) => third.map((n) => `10.${octet}.${n}.0/24`);
  return { name, vpcCidr: `10.${octet}.0.0/16`, publicSubnetCidrs: cidrs([1, 2, 3]), privateSubnetCidrs: cidrs([10, 20, 30]) };
}
