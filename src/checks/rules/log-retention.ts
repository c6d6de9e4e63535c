import type { PolicyRule } from "../policy-rule";

export const logRetentionRule: PolicyRule = {
  id: "LOG-RETENTION",
  severity: "error",
  risk: "Logs kept forever cost more every month and keep personal data longer than anyone decided.",
  fix: 'Set "logs": { "retentionDays": … } (the recommended default keeps them 30 days).',
  equivalents: { checkov: ["CKV_AWS_66"] },
  check(stack) {
    return stack
      .ofType("aws_cloudwatch_log_group")
      .filter((group) => !group.config.retention_in_days)
      .map((group) => ({ address: group.address, problem: "keeps its logs forever" }));
  },
};
