import type { PolicyFinding, PolicyRule } from "../policy-rule";
import { portsOf, securityGroupRules } from "../stack-queries";

/** The provider writes this when a group has no description of its own. */
const PROVIDER_DEFAULT = "Managed by Terraform";
const described = (description: unknown) =>
  typeof description === "string" && description.trim() !== "" && description !== PROVIDER_DEFAULT;

export const sgDescriptionsRule: PolicyRule = {
  id: "SG-DESCRIPTIONS",
  severity: "warning",
  risk: "A rule nobody can explain is a rule nobody dares remove: reviews and audits need to know why each one exists.",
  fix: 'Use "defaults": "recommended", which describes every rule; give rules you add a description.',
  equivalents: {
    checkov: ["CKV_AWS_23"],
    trivy: ["AVD-AWS-0099 aws-ec2-add-description-to-security-group", "AVD-AWS-0124 aws-ec2-add-description-to-security-group-rule"],
    cdkNag: ["AwsSolutions-EC27"],
  },
  check(stack) {
    const findings: PolicyFinding[] = stack
      .ofType("aws_security_group")
      .filter((group) => !described(group.config.description))
      .map((group) => ({ address: group.address, problem: "has no description" }));
    for (const rule of securityGroupRules(stack).filter((one) => !described(one.description))) {
      findings.push({ address: rule.address, problem: `has an ${rule.direction} rule (${portsOf(rule)}) without a description` });
    }
    return findings;
  },
};
