import { iamNoWildcardsRule } from "../../../src/checks/rules/iam-no-wildcards";
import { describePolicyRule, stackOf } from "./check-policy-rule";

const policy = (...Statement: Record<string, unknown>[]) =>
  stackOf({
    aws_iam_role_policy: { task: { role: "${aws_iam_role.task.id}", policy: JSON.stringify({ Version: "2012-10-17", Statement }) } },
  });

describePolicyRule(iamNoWildcardsRule, {
  passing: {
    "every resource narrowed to one cluster by a condition, as the release role's ecs:ListTasks": policy({
      Effect: "Allow",
      Action: "ecs:ListTasks",
      Resource: "*",
      Condition: { ArnEquals: { "ecs:cluster": ["arn:aws:ecs:eu-west-1:123456789012:cluster/web"] } },
    }),
    "scoped statements": policy({ Effect: "Allow", Action: ["s3:GetObject"], Resource: ["arn:aws:s3:::bucket/*"] }),
    "actions that only take every resource": policy(
      { Sid: "EcrAuthorization", Effect: "Allow", Action: "ecr:getauthorizationtoken", Resource: "*" },
      { Sid: "ExecSessions", Effect: "Allow", Action: ["ssmmessages:CreateControlChannel", "ssmmessages:OpenDataChannel"], Resource: "*" },
    ),
    "a deny on everything": policy({ Effect: "Deny", Action: "*", Resource: "*" }),
  },
  failing: {
    "every action of a service": [
      policy({ Sid: "Bucket", Effect: "Allow", Action: "s3:*", Resource: "arn:aws:s3:::bucket/*" }),
      [{ address: "aws_iam_role_policy.task", problem: "statement Bucket allows s3:*" }],
    ],
    "an action on every resource, inline in a role": [
      stackOf({
        aws_iam_role: {
          task: {
            inline_policy: [
              { name: "x", policy: JSON.stringify({ Statement: { Effect: "Allow", Action: "s3:GetObject", Resource: "*" } }) },
            ],
          },
        },
      }),
      [{ address: "aws_iam_role.task", problem: "a statement allows s3:GetObject on every resource" }],
    ],
    administrator: [
      policy({ Effect: "Allow", Action: "*", Resource: "*" }),
      [
        { address: "aws_iam_role_policy.task", problem: "a statement allows *" },
        { address: "aws_iam_role_policy.task", problem: "a statement allows * on every resource" },
      ],
    ],
  },
});
