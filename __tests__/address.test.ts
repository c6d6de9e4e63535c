import { Vpc } from "@cdktf/provider-aws/lib/vpc";
import { pinAddress, zoneSuffix } from "../src/address";
import { addresses, synthesizeScope } from "./helpers";

describe("pinAddress", () => {
  it("replaces cdktf's path-derived name with the given one", () => {
    // GIVEN a VPC nested two constructs deep, WHEN its address is pinned
    const synth = synthesizeScope((scope) => pinAddress(new Vpc(scope, "vpc", { cidrBlock: "10.0.0.0/16" }), "main"));
    // THEN it is addressed as in hand-written HCL
    expect(addresses(synth)).toEqual(["aws_vpc.main"]);
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
