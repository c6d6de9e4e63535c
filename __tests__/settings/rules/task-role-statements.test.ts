import { taskRoleStatementsRule } from "../../../src/settings/rules/task-role-statements";
import { describeRule } from "./check-rule";

const bucket = (i: number) => `arn:aws:s3:::orders-bucket-with-a-long-name-${i}/*`;

describeRule(taskRoleStatementsRule, {
  passing: [
    {},
    { taskRolePolicyStatements: [{ actions: ["s3:GetObject", "s3:Put*"], resources: [bucket(1)] }] },
    {
      taskRolePolicyStatements: [
        { effect: "Deny", actions: ["*"], resources: ["*"], conditions: { Bool: { "aws:SecureTransport": ["false"] } } },
      ],
    },
    {
      enableExecuteCommand: true,
      taskRolePolicyStatements: [{ actions: ["sqs:SendMessage"], resources: Array.from({ length: 150 }, (_, i) => bucket(i)) }],
    },
  ],
  failing: [
    [
      { taskRolePolicyStatements: [{ actions: ["GetObject"], resources: ["*"] }] },
      'app/web.taskRolePolicyStatements[0].actions[0]: must be an action such as s3:GetObject (service:Action, * and ? as wildcards) or *; received "GetObject"',
    ],
    [
      { taskRolePolicyStatements: [{ actions: ["s3:GetObject"], resources: ["orders-bucket"] }] },
      'app/web.taskRolePolicyStatements[0].resources[0]: must be an ARN (arn:partition:service:region:account:resource) or *; received "orders-bucket"',
    ],
    [
      { taskRolePolicyStatements: [{ actions: ["sqs:SendMessage"], resources: Array.from({ length: 200 }, (_, i) => bucket(i)) }] },
      "app/web.taskRolePolicyStatements: must fit IAM's limit of 10240 characters for a role's inline policies",
    ],
  ],
});
