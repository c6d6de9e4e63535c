import { vpcDefaultSecurityGroupRule } from "../../../src/checks/rules/vpc-default-security-group";
import { describePolicyRule, stackOf } from "./check-policy-rule";

describePolicyRule(vpcDefaultSecurityGroupRule, {
  passing: {
    "taken over without rules": stackOf({ aws_vpc: { main: {} }, aws_default_security_group: { main: { vpc_id: "${aws_vpc.main.id}" } } }),
  },
  failing: {
    "left as AWS made it": [
      stackOf({ aws_vpc: { main: {} } }),
      [{ address: "aws_vpc.main", problem: "leaves its default security group's rules as AWS made them" }],
    ],
    "taken over with a rule": [
      stackOf({
        aws_vpc: { main: {} },
        aws_default_security_group: {
          main: { vpc_id: "${aws_vpc.main.id}", ingress: [{ protocol: "-1", self: true, from_port: 0, to_port: 0 }] },
        },
      }),
      [{ address: "aws_default_security_group.main", problem: "keeps rules in the VPC's default security group" }],
    ],
  },
});
