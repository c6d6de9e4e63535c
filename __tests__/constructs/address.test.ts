import { Vpc } from "@cdktf/provider-aws/lib/vpc";
import { TerraformOutput, TerraformStack, Testing } from "cdktf";
import { pinAddress, zoneSuffix } from "../../src/constructs/address";
import { addresses, synthesizeScope } from "../helpers";

describe("pinAddress", () => {
  it("replaces cdktf's path-derived name with the given one", () => {
    // GIVEN a VPC nested two constructs deep, WHEN its address is pinned
    const synth = synthesizeScope((scope) => pinAddress(new Vpc(scope, "vpc", { cidrBlock: "10.0.0.0/16" }), "main"));
    // THEN it is addressed as in hand-written HCL
    expect(addresses(synth)).toEqual(["aws_vpc.main"]);
  });
});

describe("pinAddress with a prefix, and collisions", () => {
  it("puts the prefix before the name", () => {
    const synth = synthesizeScope((scope) => pinAddress(new Vpc(scope, "vpc", { cidrBlock: "10.0.0.0/16" }), "main", "api"));
    expect(addresses(synth)).toEqual(["aws_vpc.api_main"]);
  });

  it("refuses a second element at an address, which would silently replace the first", () => {
    const stack = new TerraformStack(Testing.app(), "s");
    pinAddress(new Vpc(stack, "a", { cidrBlock: "10.0.0.0/16" }), "main");
    expect(() => pinAddress(new Vpc(stack, "b", { cidrBlock: "10.1.0.0/16" }), "main")).toThrow(
      "s/b: Terraform address aws_vpc.main is already used by s/a; give each FargateWebService in a stack its own addressPrefix",
    );
    pinAddress(new TerraformOutput(stack, "out", { value: "x" }), "main");
    expect(() => pinAddress(new TerraformOutput(stack, "out2", { value: "y" }), "main")).toThrow("output.main is already used by s/out");
  });

  it("lets the same address exist in two stacks", () => {
    const app = Testing.app();
    pinAddress(new Vpc(new TerraformStack(app, "one"), "vpc", { cidrBlock: "10.0.0.0/16" }), "main");
    expect(() => pinAddress(new Vpc(new TerraformStack(app, "two"), "vpc", { cidrBlock: "10.0.0.0/16" }), "main")).not.toThrow();
  });
});

describe("zoneSuffix", () => {
  it.each([
    ["ap-northeast-1a", "1a"],
    ["us-east-1f", "1f"],
    ["us-west-2-lax-1a", "1a"],
  ])("%s → %s", (zone, suffix) => {
    expect(zoneSuffix(zone)).toBe(suffix);
  });
});
