import type { PolicyRule } from "../policy-rule";

export const logEncryptionRule: PolicyRule = {
  id: "LOG-ENCRYPTION",
  severity: "warning",
  risk: "CloudWatch encrypts logs with its own keys; without a key of yours, access to the logs cannot be limited or revoked through KMS.",
  fix: "Give the log group a KMS key (kms_key_id) whose policy lets CloudWatch Logs use it; where CloudWatch's own encryption is enough, suppress the rule with that reason.",
  equivalents: { checkov: ["CKV_AWS_158"], trivy: ["AVD-AWS-0017 aws-cloudwatch-log-group-customer-key"] },
  check(stack) {
    return stack
      .ofType("aws_cloudwatch_log_group")
      .filter((group) => !group.config.kms_key_id)
      .map((group) => ({ address: group.address, problem: "is encrypted with CloudWatch's keys, not a KMS key of yours" }));
  },
};
