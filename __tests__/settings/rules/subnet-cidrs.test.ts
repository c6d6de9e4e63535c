import { subnetCidrsRule } from "../../../src/settings/rules/subnet-cidrs";
import { describeRule, ruleMessages } from "./check-rule";

describeRule(subnetCidrsRule, {
  passing: [
    { publicSubnetCidrs: ["10.0.4.0/28", "10.0.2.0/24", "10.0.3.0/24"] },
    { privateSubnetCidrs: ["10.0.10.0/24", "10.0.11.0/24", "10.0.30.0/24"] },
  ],
  failing: [
    [{ publicSubnetCidrs: ["10.0.1/24", "10.0.2.0/24", "10.0.3.0/24"] }, "app/web.publicSubnetCidrs[0]: must be an IPv4 CIDR block"],
    [
      { publicSubnetCidrs: ["10.0.4.0/29", "10.0.2.0/24", "10.0.3.0/24"] },
      "app/web.publicSubnetCidrs[0]: must have a prefix from /16 to /28",
    ],
    [
      { publicSubnetCidrs: ["10.1.1.0/24", "10.0.2.0/24", "10.0.3.0/24"] },
      "app/web.publicSubnetCidrs[0]: must lie inside the VPC 10.0.0.0/16",
    ],
    [
      { privateSubnetCidrs: ["10.0.10.0/24", "10.0.10.128/25", "10.0.30.0/24"] },
      "app/web.privateSubnetCidrs[1]: must not overlap privateSubnetCidrs[0] (10.0.10.0/24)",
    ],
    [
      { privateSubnetCidrs: ["10.0.10.0/24", "10.0.0.0/22", "10.0.30.0/24"] },
      "app/web.privateSubnetCidrs[1]: must not overlap publicSubnetCidrs[0]",
    ],
  ],
});

it("does not say a subnet lies outside a VPC that is itself malformed", () => {
  expect(ruleMessages(subnetCidrsRule, { vpcCidr: "10.0.0.0" })).toEqual([]);
});
