import type { Problem } from "../problems";
import type { SettingsRule } from "./rule";

const PARTITION = "aws(?:-cn|-us-gov)?";
const REGION = "[a-z]{2}(?:-[a-z]+)+-\\d+";
const PARAMETER = new RegExp(`^arn:${PARTITION}:ssm:${REGION}:\\d{12}:parameter/[A-Za-z0-9_.\\-/]{1,2048}$`);
// A secret's ARN, optionally followed by :json-key:version-stage:version-id (each may be empty).
const SECRET = new RegExp(`^arn:${PARTITION}:secretsmanager:${REGION}:\\d{12}:secret:[A-Za-z0-9/_+=.@-]{1,512}(?::[^:]*:[^:]*:[^:]*)?$`);
const ENVIRONMENT_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

export const secretSourcesRule: SettingsRule = {
  id: "secret-sources",
  summary:
    "`secrets` are named like environment variables, none also in `environment` (ECS refuses the task definition), each the ARN of an SSM parameter or a Secrets Manager secret (with an optional `:json-key:version-stage:version-id`)",
  check(s, { usable }) {
    if (!usable("secrets")) return [];
    const problems: Problem[] = [];
    for (const [name, arn] of Object.entries(s.secrets)) {
      const path = `secrets.${name}`;
      if (!ENVIRONMENT_NAME.test(name)) {
        problems.push({ path, rule: "must be named with letters, digits and underscores, not starting with a digit", value: name });
      } else if (usable("environment") && name in s.environment) {
        problems.push({
          path,
          rule: "must not also be set in environment: ECS refuses a task definition that names a variable twice",
          value: name,
        });
      } else if (!PARAMETER.test(arn) && !SECRET.test(arn)) {
        problems.push({
          path,
          rule: "must be the ARN of an SSM parameter (arn:aws:ssm:<region>:<account>:parameter/<name>) or a Secrets Manager secret (arn:aws:secretsmanager:<region>:<account>:secret:<name>)",
          value: arn,
        });
      }
    }
    return problems;
  },
};
