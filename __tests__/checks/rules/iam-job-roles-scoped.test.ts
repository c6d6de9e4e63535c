import { iamJobRolesScopedRule } from "../../../src/checks/rules/iam-job-roles-scoped";
import { describePolicyRule, stackOf } from "./check-policy-rule";

const trust = (service: string) =>
  JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { Service: service }, Action: "sts:AssumeRole" }] });
const role = (service: string, ...Statement: Record<string, unknown>[]) =>
  stackOf({
    aws_iam_role: { job: { assume_role_policy: trust(service) } },
    aws_iam_role_policy: { job: { role: "${aws_iam_role.job.id}", policy: JSON.stringify({ Version: "2012-10-17", Statement }) } },
  });
const family = "arn:aws:ecs:ap-northeast-1:123456789012:task-definition/report";

describePolicyRule(iamJobRolesScopedRule, {
  passing: {
    "the state machine's role: its family's revisions, its two roles": role(
      "states.amazonaws.com",
      { Effect: "Allow", Action: "ecs:RunTask", Resource: `${family}:*` },
      { Effect: "Allow", Action: "iam:PassRole", Resource: ["${aws_iam_role.task.arn}", "${aws_iam_role.execution.arn}"] },
    ),
    "the scheduler's role: its state machine": role("scheduler.amazonaws.com", {
      Effect: "Allow",
      Action: "states:StartExecution",
      Resource: "${aws_sfn_state_machine.job.arn}",
    }),
    "a task's role, which other rules judge": role("ecs-tasks.amazonaws.com", {
      Effect: "Allow",
      Action: "iam:PassRole",
      Resource: "arn:aws:iam::123456789012:role/*",
    }),
    "Resource * without a condition, which IAM-NO-WILDCARDS reports": role("states.amazonaws.com", {
      Effect: "Allow",
      Action: "ecs:RunTask",
      Resource: "*",
    }),
  },
  failing: {
    "any role passed": [
      role("states.amazonaws.com", { Sid: "Pass", Effect: "Allow", Action: "iam:PassRole", Resource: "arn:aws:iam::123456789012:role/*" }),
      [
        {
          address: "aws_iam_role_policy.job",
          problem: "statement Pass of a job's role allows iam:passrole on arn:aws:iam::123456789012:role/*",
        },
      ],
    ],
    "any task definition of the cluster, which IAM-NO-WILDCARDS lets pass for its condition": [
      role("states.amazonaws.com", {
        Effect: "Allow",
        Action: ["ecs:RunTask", "ecs:StopTask"],
        Resource: "*",
        Condition: { ArnEquals: { "ecs:cluster": "arn:aws:ecs:ap-northeast-1:123456789012:cluster/web" } },
      }),
      [{ address: "aws_iam_role_policy.job", problem: "a statement of a job's role allows ecs:runtask on *" }],
    ],
    "any state machine": [
      role("scheduler.amazonaws.com", {
        Effect: "Allow",
        Action: "states:*",
        Resource: "arn:aws:states:ap-northeast-1:123456789012:stateMachine:*",
      }),
      [
        {
          address: "aws_iam_role_policy.job",
          problem: "a statement of a job's role allows states:startexecution on arn:aws:states:ap-northeast-1:123456789012:stateMachine:*",
        },
      ],
    ],
    "AWS's managed policy": [
      stackOf({
        aws_iam_role: { job: { assume_role_policy: trust("states.amazonaws.com") } },
        aws_iam_role_policy_attachment: {
          job: { role: "${aws_iam_role.job.name}", policy_arn: "arn:aws:iam::aws:policy/AWSStepFunctionsFullAccess" },
        },
      }),
      [
        {
          address: "aws_iam_role_policy_attachment.job",
          problem: "gives a job's role AWS's arn:aws:iam::aws:policy/AWSStepFunctionsFullAccess",
        },
      ],
    ],
  },
});
