import { iamExecutionRoleScopedRule } from "../../../src/checks/rules/iam-execution-role-scoped";
import { describePolicyRule, stackOf } from "./check-policy-rule";

const MANAGED = "arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy";
const taskDefinition = { aws_ecs_task_definition: { main: { execution_role_arn: "${aws_iam_role.execution.arn}" } } };

describePolicyRule(iamExecutionRoleScopedRule, {
  passing: {
    "an inline policy of its own": stackOf({
      ...taskDefinition,
      aws_iam_role: { execution: {} },
      aws_iam_role_policy: { execution: { role: "${aws_iam_role.execution.id}" } },
    }),
    "the managed policy on a role that is not an execution role": stackOf({
      ...taskDefinition,
      aws_iam_role: { execution: {}, other: {} },
      aws_iam_role_policy_attachment: { other: { role: "${aws_iam_role.other.name}", policy_arn: MANAGED } },
    }),
  },
  failing: {
    "the managed policy attached": [
      stackOf({
        ...taskDefinition,
        aws_iam_role: { execution: {} },
        aws_iam_role_policy_attachment: { execution: { role: "${aws_iam_role.execution.name}", policy_arn: MANAGED } },
      }),
      [{ address: "aws_iam_role_policy_attachment.execution", problem: `gives an execution role ${MANAGED}` }],
    ],
    "the managed policy listed on the role": [
      stackOf({ ...taskDefinition, aws_iam_role: { execution: { managed_policy_arns: [MANAGED] } } }),
      [{ address: "aws_iam_role.execution", problem: `is an execution role given ${MANAGED}` }],
    ],
  },
});
