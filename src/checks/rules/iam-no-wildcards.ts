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
  ].map((action) => action.toLowerCase()),
);

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
        if (everyResource && !(actions.length && actions.every((action) => RESOURCE_STAR_ONLY.has(action.toLowerCase())))) {
          problems.push(`allows ${actions.join(", ") || "its actions"} on every resource`);
        }
        return problems.map((problem) => ({ address, problem: `${name} ${problem}` }));
      });
  },
};
