import { sgDescriptionsRule } from "../../../src/checks/rules/sg-descriptions";
import { describePolicyRule, stackOf } from "./check-policy-rule";

const egress = (description?: string) => [{ protocol: "-1", from_port: 0, to_port: 0, cidr_blocks: ["10.0.0.0/16"], description }];

describePolicyRule(sgDescriptionsRule, {
  passing: {
    "every group and rule described": stackOf({
      aws_security_group: { alb: { description: "load balancer", egress: egress("to the tasks") } },
      aws_security_group_rule: {
        http: { type: "ingress", protocol: "tcp", from_port: 80, to_port: 80, description: "HTTP from the internet" },
      },
    }),
  },
  failing: {
    "the provider's default description and undescribed rules": [
      stackOf({
        aws_security_group: { alb: { description: "Managed by Terraform", egress: egress() } },
        aws_security_group_rule: { http: { type: "ingress", protocol: "tcp", from_port: 80, to_port: 80 } },
      }),
      [
        { address: "aws_security_group.alb", problem: "has no description" },
        { address: "aws_security_group.alb", problem: "has an egress rule (all traffic) without a description" },
        { address: "aws_security_group_rule.http", problem: "has an ingress rule (tcp 80) without a description" },
      ],
    ],
  },
});
