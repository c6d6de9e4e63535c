import type { PolicyRule } from "../policy-rule";
import { policyStatements, toList } from "../stack-queries";

/** Actions AWS only grants on every resource: `Resource: "*"` is their only form. */
const RESOURCE_STAR_ONLY = new Set(
  [
    "ecr:GetAuthorizationToken",
    "ssmmessages:CreateControlChannel",
    "ssmmessages:CreateDataChannel",
    "ssmmessages:OpenControlChannel",
    "ssmmessages:OpenDataChannel",
    "logs:DescribeLogGroups",
    "xray:PutTraceSegments",
    "xray:PutTelemetryRecords",
    "cloudwatch:PutMetricData",
    "ecs:DescribeTaskDefinition",
    "ecs:DeregisterTaskDefinition",
    "elasticloadbalancing:DescribeTargetHealth",
    "sts:GetCallerIdentity",
  ].map((action) => action.toLowerCase()),
);

/** Condition keys that narrow `Resource: "*"` to the resources of one cluster or of one tag. */
export function scopedByCondition(condition: unknown): boolean {
  const keys = Object.values((condition ?? {}) as Record<string, Record<string, unknown>>).flatMap((byKey) => Object.keys(byKey ?? {}));
  return keys.some((key) => key.toLowerCase() === "ecs:cluster" || key.toLowerCase().startsWith("aws:resourcetag/"));
}

export const iamNoWildcardsRule: PolicyRule = {
  id: "IAM-NO-WILDCARDS",
  severity: "error",
  risk: "A `*` in a policy grants what nobody reviewed: every action of a service, or an action on every resource of the account.",
  fix: "Name the actions and the resources' ARNs in \"taskRolePolicyStatements\"; this project's own statements are scoped already.",
  equivalents: {
    checkov: ["CKV_AWS_63", "CKV_AWS_355", "CKV_AWS_62"],
    trivy: ["AVD-AWS-0057 aws-iam-no-policy-wildcards"],
    cdkNag: ["AwsSolutions-IAM5"],
  },
  check(stack) {
    return policyStatements(stack)
      .filter(({ statement }) => (statement.Effect ?? "Allow") === "Allow")
      .flatMap(({ address, statement }) => {
        const name = statement.Sid ? `statement ${statement.Sid}` : "a statement";
        const actions = toList(statement.Action);
        const problems: string[] = [];
        const wildActions = actions.filter((action) => action.includes("*"));
        if (wildActions.length || statement.NotAction)
          problems.push(`allows ${wildActions.join(", ") || "every action but some (NotAction)"}`);
        const everyResource = toList(statement.Resource).includes("*") || statement.NotResource !== undefined;
        const starOnly = actions.length > 0 && actions.every((action) => RESOURCE_STAR_ONLY.has(action.toLowerCase()));
        if (everyResource && !starOnly && !scopedByCondition(statement.Condition)) {
          problems.push(`allows ${actions.join(", ") || "its actions"} on every resource`);
        }
        return problems.map((problem) => ({ address, problem: `${name} ${problem}` }));
      });
  },
};
