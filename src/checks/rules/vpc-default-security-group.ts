import { blocks } from "../../terraform/terraform-json";
import type { PolicyRule } from "../policy-rule";

export const vpcDefaultSecurityGroupRule: PolicyRule = {
  id: "VPC-DEFAULT-SECURITY-GROUP",
  severity: "warning",
  risk: "AWS gives every VPC a default security group open between its members; anything launched without a group of its own lands in it.",
  fix: 'Use "defaults": "recommended": the stack takes the default group over and removes its rules.',
  equivalents: { checkov: ["CKV2_AWS_12"], trivy: ["AVD-AWS-0173 aws-ec2-restrict-all-in-default-sg"] },
  check(stack) {
    return stack.ofType("aws_vpc").flatMap((vpc) => {
      const managed = stack.referringTo(vpc.address, "aws_default_security_group");
      if (!managed.length) return [{ address: vpc.address, problem: "leaves its default security group's rules as AWS made them" }];
      return managed
        .filter((group) => blocks(group.config.ingress).length || blocks(group.config.egress).length)
        .map((group) => ({ address: group.address, problem: "keeps rules in the VPC's default security group" }));
    });
  },
};
