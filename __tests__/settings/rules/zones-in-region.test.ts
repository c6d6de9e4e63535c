import { zonesInRegionRule } from "../../../src/settings/rules/zones-in-region";
import { describeRule, ruleMessages } from "./check-rule";

describeRule(zonesInRegionRule, {
  passing: [{}, { azs: ["ap-northeast-1a", "ap-northeast-1c", "ap-northeast-1d"] }],
  failing: [
    [
      { azs: ["ap-northeast-1a", "us-east-1a", "ap-northeast-1d"] },
      'app/web.azs[1]: must be an availability zone of region ap-northeast-1, such as ap-northeast-1a; received "us-east-1a"',
    ],
    [
      { azs: ["ap-northeast-1a", "ap-northeast-1", "ap-northeast-1d"] },
      "app/web.azs[1]: must be an availability zone of region ap-northeast-1",
    ],
    [
      { azs: ["ap-northeast-1a", "ap-northeast-1-tpe-1a", "ap-northeast-1d"] },
      "ap-northeast-1-tpe-1a is a Local or Wavelength Zone, where Fargate is not offered",
    ],
  ],
});

it("is skipped when the stack's region is not known at synth", () => {
  expect(ruleMessages(zonesInRegionRule, { azs: ["us-east-1a", "us-east-1b", "us-east-1c"] }, {})).toEqual([]);
});

it("is skipped with an existing VPC, whose zones are its own: the tutorial's Tokyo zones are no problem in us-east-1", () => {
  const vpc = {
    vpcId: "vpc-0123456789abcdef0",
    publicSubnetIds: ["subnet-0123456789abcdef1", "subnet-0123456789abcdef2"],
    privateSubnetIds: ["subnet-0123456789abcdef3"],
  };
  expect(ruleMessages(zonesInRegionRule, { existing: { vpc } }, { region: "us-east-1" })).toEqual([]);
  expect(ruleMessages(zonesInRegionRule, {}, { region: "us-east-1" })).toEqual([
    expect.stringContaining(
      'app/web.azs[0]: must be an availability zone of region us-east-1, such as us-east-1a; received "ap-northeast-1a"',
    ),
    expect.stringContaining("azs[1]"),
    expect.stringContaining("azs[2]"),
  ]);
});
