import { blocks, parseDocument, referencesIn, type StackResource, type StackResources } from "../../terraform/terraform-json";
import type { PolicyFinding, PolicyRule } from "../policy-rule";
import { type PolicyStatement, resourcePolicyStatements, toList } from "../stack-queries";
import { scopedByCondition } from "./iam-no-wildcards";

/** The services that run a job: EventBridge Scheduler starts the state machine, Step Functions runs the task. */
const JOB_SERVICES = ["Service:scheduler.amazonaws.com", "Service:states.amazonaws.com"];

/** What a job's roles do that reaches further than the job when not scoped: run tasks, start executions, hand roles over. */
const LAUNCHING = ["ecs:runtask", "states:startexecution", "iam:passrole"];

/** Whether an action pattern (`ecs:RunTask`, `ecs:*`, `*`) covers a launching action. */
const launches = (pattern: string): string[] => {
  const matcher = new RegExp(
    `^${pattern
      .toLowerCase()
      .replace(/[.+?^${}()|[\]\\]/g, "\\$&")
      .replace(/\*/g, ".*")}$`,
  );
  return LAUNCHING.filter((action) => matcher.test(action));
};

/** A resource that names one thing: no wildcard but a task definition's revision (`task-definition/family:*`). */
const namesOne = (resource: string): boolean => !resource.replace(/(:task-definition\/[^*:/]+):\*$/, "$1").includes("*");

export const iamJobRolesScopedRule: PolicyRule = {
  id: "IAM-JOB-ROLES-SCOPED",
  severity: "error",
  risk: "A scheduler or state machine role that may run any task definition, start any state machine or pass any role can be used to run anything with any role's permissions.",
  fix: "Leave the job's roles to this project (they name the job's task definition family, state machine and two roles); in a role of your own, name each ARN.",
  equivalents: {},
  check(stack) {
    const roles = stack
      .ofType("aws_iam_role")
      .filter((role) =>
        resourcePolicyStatements(stack, role.config.assume_role_policy).some(
          (statement) => statement.effect === "Allow" && statement.principals.some((principal) => JOB_SERVICES.includes(principal)),
        ),
      );
    return roles.flatMap((role) => [...statementsOf(stack, role).flatMap(findings), ...managedPolicies(stack, role)]);
  },
};

/** The statements a role's policies hold: inline, role policies and the stack's own policies attached to it. */
function statementsOf(stack: StackResources, role: StackResource): { address: string; statement: PolicyStatement }[] {
  const attached = stack
    .ofType("aws_iam_role_policy_attachment")
    .filter((attachment) => referencesIn(attachment.config.role).includes(role.address))
    .flatMap((attachment) => referencesIn(attachment.config.policy_arn).filter((address) => address.startsWith("aws_iam_policy.")));
  const documents = [
    ...blocks(role.config.inline_policy).map((inline) => ({ address: role.address, document: inline.policy })),
    ...stack
      .referringTo(role.address, "aws_iam_role_policy")
      .map((policy) => ({ address: policy.address, document: policy.config.policy })),
    ...stack
      .ofType("aws_iam_policy")
      .filter((policy) => attached.includes(policy.address))
      .map((policy) => ({ address: policy.address, document: policy.config.policy })),
  ];
  return documents.flatMap(({ address, document }) => {
    const parsed = parseDocument(document) as { Statement?: PolicyStatement | PolicyStatement[] } | undefined;
    return toList(parsed?.Statement).map((statement) => ({ address, statement }));
  });
}

function findings({ address, statement }: { address: string; statement: PolicyStatement }): PolicyFinding[] {
  if ((statement.Effect ?? "Allow") !== "Allow") return [];
  const actions = [...new Set(toList(statement.Action).flatMap(launches))];
  if (!actions.length) return [];
  const name = statement.Sid ? `statement ${statement.Sid}` : "a statement";
  const broad = toList(statement.Resource).filter(
    // Resource "*" alone is IAM-NO-WILDCARDS's finding, unless a condition made that rule let it pass.
    (resource) => !namesOne(resource) && (resource !== "*" || scopedByCondition(statement.Condition)),
  );
  return broad.map((resource) => ({ address, problem: `${name} of a job's role allows ${actions.join(", ")} on ${resource}` }));
}

/** AWS's managed policies attached to a job's role: written for every resource. */
function managedPolicies(stack: StackResources, role: StackResource): PolicyFinding[] {
  const attachments = stack
    .ofType("aws_iam_role_policy_attachment")
    .filter((attachment) => referencesIn(attachment.config.role).includes(role.address))
    .filter((attachment) => String(attachment.config.policy_arn).includes(":iam::aws:policy/"))
    .map((attachment) => ({ address: attachment.address, problem: `gives a job's role AWS's ${attachment.config.policy_arn}` }));
  const inRole = toList(role.config.managed_policy_arns as string[] | undefined)
    .filter((arn) => String(arn).includes(":iam::aws:policy/"))
    .map((arn) => ({ address: role.address, problem: `is a job's role given AWS's ${arn}` }));
  return [...attachments, ...inRole];
}
