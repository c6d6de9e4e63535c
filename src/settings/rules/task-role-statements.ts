import { execCommandStatements, MAX_ROLE_INLINE_POLICY_CHARACTERS, policyDocument } from "../../aws/iam-policies";
import type { Problem } from "../problems";
import type { SettingsRule } from "./rule";

const ACTION = /^(?:\*|[a-z0-9-]+:[A-Za-z0-9*?]+)$/;
const RESOURCE = /^(?:\*|arn:[^:\s]+:[^:\s]*:[^:\s]*:[^:\s]*:\S+)$/;
/** What a log group ARN takes in the policy, for counting: the longest region and a 12-digit account. */
const LONGEST_LOG_GROUP_ARN = "arn:aws-us-gov:logs:ap-southeast-4:123456789012:log-group:/ecs/x";

export const taskRoleStatementsRule: SettingsRule = {
  id: "task-role-statements",
  summary: `\`taskRolePolicyStatements\`: actions \`service:Action\` or \`*\`, resources ARNs or \`*\`, and the task role's policy within IAM's ${MAX_ROLE_INLINE_POLICY_CHARACTERS} characters`,
  check(s, { usable }) {
    if (!usable("taskRolePolicyStatements")) return [];
    const problems: Problem[] = [];
    s.taskRolePolicyStatements.forEach(({ actions, resources }, index) => {
      for (const [field, values, pattern, rule] of [
        ["actions", actions, ACTION, "must be an action such as s3:GetObject (service:Action, * and ? as wildcards) or *"],
        ["resources", resources, RESOURCE, "must be an ARN (arn:partition:service:region:account:resource) or *"],
      ] as const) {
        values.forEach((value, position) => {
          if (!pattern.test(value)) problems.push({ path: `taskRolePolicyStatements[${index}].${field}[${position}]`, rule, value });
        });
      }
    });
    const statements = s.taskRolePolicyStatements.map(({ effect = "Allow", actions, resources, conditions }) => ({
      Effect: effect,
      Action: actions,
      Resource: resources,
      Condition: conditions,
    }));
    const exec = s.enableExecuteCommand ? execCommandStatements(LONGEST_LOG_GROUP_ARN) : [];
    const characters = JSON.stringify(policyDocument([...statements, ...exec])).length;
    if (characters > MAX_ROLE_INLINE_POLICY_CHARACTERS) {
      problems.push({
        path: "taskRolePolicyStatements",
        rule: `must fit IAM's limit of ${MAX_ROLE_INLINE_POLICY_CHARACTERS} characters for a role's inline policies; these take ${characters}`,
        value: `${statements.length} statements`,
      });
    }
    return problems;
  },
};
