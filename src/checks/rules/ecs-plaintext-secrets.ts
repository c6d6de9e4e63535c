import type { PolicyRule } from "../policy-rule";
import { containersOf } from "../stack-queries";

const SECRET_NAME = /PASSWORD|PASSWD|SECRET|TOKEN|API_?KEY|PRIVATE_?KEY|ACCESS_?KEY|CREDENTIAL/i;
const SECRET_VALUE = [
  /^(AKIA|ASIA)[A-Z0-9]{16}$/, // AWS access key id
  /-----BEGIN [A-Z ]*PRIVATE KEY-----/,
  /^(gh[pousr]_[A-Za-z0-9]{30,}|xox[abpr]-[A-Za-z0-9-]{10,}|sk_live_[A-Za-z0-9]{16,})$/, // GitHub, Slack, Stripe
  /^(?![0-9a-f]{40}$)[A-Za-z0-9+/]{40}$/, // AWS secret access key (not a git commit's hex)
];

/** What only names a secret, where it lives: an ARN, or an expression resolved at apply. */
const REFERENCE = /^arn:|\$\{/;

export const ecsPlaintextSecretsRule: PolicyRule = {
  id: "ECS-PLAINTEXT-SECRETS",
  severity: "error",
  risk: "Environment variables are stored in clear in the task definition, the Terraform state and the console: anyone who can read them has the secret.",
  fix: 'Move the value to Secrets Manager or SSM Parameter Store and name it in "secrets": { "NAME": "<arn>" }.',
  equivalents: { trivy: ["AVD-AWS-0036 aws-ecs-no-plaintext-secrets"], cdkNag: ["AwsSolutions-ECS2"] },
  check(stack) {
    return containersOf(stack).flatMap(({ taskDefinition, container }) =>
      ((container.environment ?? []) as { name: string; value: string }[])
        .filter(({ value }) => !REFERENCE.test(String(value)))
        .filter(({ name, value }) => SECRET_NAME.test(name) || SECRET_VALUE.some((pattern) => pattern.test(String(value))))
        .map(({ name }) => ({
          address: taskDefinition.address,
          problem: `container "${container.name}" holds ${name} in plain text in its environment`,
        })),
    );
  },
};
