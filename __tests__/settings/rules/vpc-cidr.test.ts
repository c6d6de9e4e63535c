import { vpcCidrRule } from "../../../src/settings/rules/vpc-cidr";
import { describeRule } from "./check-rule";

describeRule(vpcCidrRule, {
  passing: [{ vpcCidr: "10.0.0.0/16" }, { vpcCidr: "10.0.0.0/28" }],
  failing: [
    [{ vpcCidr: "10.0.0/16" }, 'app/web.vpcCidr: must be an IPv4 CIDR block such as 10.0.0.0/16; received "10.0.0/16"'],
    [{ vpcCidr: "10.0.0.1/16" }, "app/web.vpcCidr: must be a network address: no bits set past the /16 prefix"],
    [{ vpcCidr: "10.0.0.0/15" }, "app/web.vpcCidr: must have a prefix from /16 to /28 (AWS's limits)"],
    [{ vpcCidr: "10.0.0.0/29" }, "app/web.vpcCidr: must have a prefix from /16 to /28"],
  ],
});
