import { ecsPlaintextSecretsRule } from "../../../src/checks/rules/ecs-plaintext-secrets";
import { describePolicyRule } from "./check-policy-rule";
import { taskDefinitionWith } from "./containers";

const env = (name: string, value: string) => ({ name, value });

describePolicyRule(ecsPlaintextSecretsRule, {
  passing: {
    "plain settings, secrets by reference": taskDefinitionWith({
      name: "api",
      environment: [
        env("LOG_LEVEL", "info"),
        env("PORT", "8080"),
        env("GIT_COMMIT", "3f786850e387550fdab836ed7e6dc881de23001b"),
        env("DB_SECRET_ARN", "arn:aws:secretsmanager:eu-west-1:123456789012:secret:db-AbCdEf"),
        env("API_TOKEN_PARAMETER", "${aws_ssm_parameter.token.name}"),
      ],
      secrets: [{ name: "DATABASE_PASSWORD", valueFrom: "arn:aws:ssm:eu-west-1:123456789012:parameter/db" }],
    }),
  },
  failing: {
    "secret-looking names": [
      taskDefinitionWith({
        name: "api",
        environment: [env("DB_PASSWORD", "hunter2"), env("GITHUB_TOKEN", "x"), env("stripe_api_key", "y")],
      }),
      ["DB_PASSWORD", "GITHUB_TOKEN", "stripe_api_key"].map((name) => ({
        address: "aws_ecs_task_definition.main",
        problem: `container "api" holds ${name} in plain text in its environment`,
      })),
    ],
    "key-looking values under harmless names": [
      taskDefinitionWith({
        name: "api",
        environment: [env("AWS_ID", "AKIAIOSFODNN7EXAMPLE"), env("PEM", "-----BEGIN RSA PRIVATE KEY-----\nMII")],
      }),
      ["AWS_ID", "PEM"].map((name) => ({
        address: "aws_ecs_task_definition.main",
        problem: `container "api" holds ${name} in plain text in its environment`,
      })),
    ],
  },
});
