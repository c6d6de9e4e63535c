import { referencesIn } from "../../terraform/terraform-json";
import type { PolicyRule } from "../policy-rule";

/** AWS's managed policies an execution role is often given: both allow their actions on every resource. */
const BROAD_POLICIES = /:policy\/(service-role\/AmazonECSTaskExecutionRolePolicy|AdministratorAccess|PowerUserAccess|ReadOnlyAccess)$/;

export const iamExecutionRoleScopedRule: PolicyRule = {
  id: "IAM-EXECUTION-ROLE-SCOPED",
  severity: "error",
  risk: "AWS's AmazonECSTaskExecutionRolePolicy lets the role pull any image and write to any log group of the account, not only its service's.",
  fix: "Leave the execution role to this project: its inline policy names the service's log group, repository and secrets.",
  equivalents: { cdkNag: ["AwsSolutions-IAM4"] },
  check(stack) {
    const executionRoles = new Set(
      stack.ofType("aws_ecs_task_definition").flatMap((taskDefinition) => referencesIn(taskDefinition.config.execution_role_arn)),
    );
    const attachments = stack
      .ofType("aws_iam_role_policy_attachment")
      .filter((attachment) => referencesIn(attachment.config.role).some((role) => executionRoles.has(role)))
      .filter((attachment) => BROAD_POLICIES.test(String(attachment.config.policy_arn)))
      .map((attachment) => ({ address: attachment.address, problem: `gives an execution role ${attachment.config.policy_arn}` }));
    const managed = stack
      .ofType("aws_iam_role")
      .filter((role) => executionRoles.has(role.address))
      .flatMap((role) =>
        ((role.config.managed_policy_arns ?? []) as string[])
          .filter((arn) => BROAD_POLICIES.test(arn))
          .map((arn) => ({ address: role.address, problem: `is an execution role given ${arn}` })),
      );
    return [...attachments, ...managed];
  },
};
