import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { SecurityGroup } from "@cdktf/provider-aws/lib/security-group";
import { SecurityGroupRule } from "@cdktf/provider-aws/lib/security-group-rule";
import { VpcSecurityGroupEgressRule } from "@cdktf/provider-aws/lib/vpc-security-group-egress-rule";
import { TerraformStack, Testing } from "cdktf";
import { refuseSeparateEgressRules } from "../../src/constructs/inline-egress";

function stackWithGroup() {
  const stack = new TerraformStack(Testing.app(), "test");
  new AwsProvider(stack, "aws", { region: "ap-northeast-1" });
  const group = new SecurityGroup(stack, "ecs", {
    name: "handson-ecs",
    egress: [{ fromPort: 0, toPort: 0, protocol: "-1", cidrBlocks: ["0.0.0.0/0"] }],
  });
  refuseSeparateEgressRules(group);
  return { stack, group };
}

const rule = (type: string, securityGroupId: string) => ({
  securityGroupId,
  type,
  fromPort: 443,
  toPort: 443,
  protocol: "tcp",
  cidrBlocks: ["0.0.0.0/0"],
});

describe("refuseSeparateEgressRules", () => {
  it("refuses an egress rule of its own on a group that declares its egress inline, naming both", () => {
    const { stack, group } = stackWithGroup();
    new SecurityGroupRule(stack, "extra", rule("egress", group.id));
    expect(() => stack.runAllValidations()).toThrow(
      "aws_security_group_rule.extra: security_group_id: must not add egress to aws_security_group.ecs, which declares its egress inline " +
        "(Terraform would revoke the rule on every apply); change the group's own egress instead (securityGroup.putEgress); received aws_security_group.ecs",
    );
  });

  it("refuses the newer egress rule resource too", () => {
    const { stack, group } = stackWithGroup();
    new VpcSecurityGroupEgressRule(stack, "newer", { securityGroupId: group.id, ipProtocol: "-1", cidrIpv4: "0.0.0.0/0" });
    expect(() => stack.runAllValidations()).toThrow(/aws_vpc_security_group_egress_rule\.newer: security_group_id: must not add egress/);
  });

  it("accepts ingress rules, and egress rules of other groups", () => {
    const { stack, group } = stackWithGroup();
    const other = new SecurityGroup(stack, "other", { name: "other" });
    new SecurityGroupRule(stack, "in", rule("ingress", group.id));
    new SecurityGroupRule(stack, "out-of-other", rule("egress", other.id));
    expect(() => stack.runAllValidations()).not.toThrow();
  });
});
