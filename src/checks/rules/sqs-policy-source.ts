import type { PolicyRule } from "../policy-rule";
import { resourcePolicyStatements } from "../stack-queries";

/** Condition keys that tie a statement to the resources allowed to call, rather than to anyone. */
const SOURCE_KEYS = [
  "aws:sourcearn",
  "aws:sourceaccount",
  "aws:sourceowner",
  "aws:principalorgid",
  "aws:principalaccount",
  "aws:principalarn",
];

export const sqsPolicySourceRule: PolicyRule = {
  id: "SQS-POLICY-SOURCE",
  severity: "error",
  risk: "A queue policy that allows every principal, or a service on behalf of any account, without naming the source lets anyone who can reach SQS send to (or read) the queue.",
  fix: 'Leave the worker\'s queue policy to this project (it admits the topics of "queue": { "subscribeTo" } by aws:SourceArn); in a policy of your own, add an aws:SourceArn condition.',
  equivalents: { checkov: ["CKV_AWS_168"] },
  check(stack) {
    const policies = [
      ...stack.ofType("aws_sqs_queue_policy").map((policy) => ({ address: policy.address, document: policy.config.policy })),
      ...stack.ofType("aws_sqs_queue").map((queue) => ({ address: queue.address, document: queue.config.policy })),
    ];
    return policies.flatMap(({ address, document }) =>
      resourcePolicyStatements(stack, document)
        .filter((statement) => statement.effect === "Allow")
        .filter((statement) => !statement.conditionKeys.some((key) => SOURCE_KEYS.includes(key)))
        .flatMap((statement) => {
          const everyone = statement.principals.filter((principal) => principal === "AWS:*" || principal === "*:*");
          const services = statement.principals.filter((principal) => principal.startsWith("Service:"));
          if (everyone.length) return [{ address, problem: "allows every principal (*) without an aws:SourceArn condition" }];
          if (services.length) {
            const names = services.map((principal) => principal.slice("Service:".length)).join(", ");
            return [{ address, problem: `allows ${names} on behalf of any account: no aws:SourceArn condition` }];
          }
          return [];
        }),
    );
  },
};
