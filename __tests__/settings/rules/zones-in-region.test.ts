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
