import type { PolicyRule } from "../policy-rule";

export const sqsEncryptionRule: PolicyRule = {
  id: "SQS-ENCRYPTION",
  severity: "error",
  risk: "A queue without its encryption written down depends on SQS's default of the day, which a reviewer cannot see, and its messages are the application's data.",
  fix: "Leave the worker's queues to this project (sqs_managed_sse_enabled on both); for a queue of your own, set sqs_managed_sse_enabled or kms_master_key_id.",
  equivalents: { checkov: ["CKV_AWS_27"], trivy: ["AVD-AWS-0096 aws-sqs-enable-queue-encryption"], cdkNag: ["AwsSolutions-SQS2"] },
  check(stack) {
    return stack.ofType("aws_sqs_queue").flatMap((queue) => {
      if (queue.config.kms_master_key_id) return [];
      if (queue.config.sqs_managed_sse_enabled === true) return [];
      return [
        {
          address: queue.address,
          problem:
            queue.config.sqs_managed_sse_enabled === false
              ? "turns server-side encryption off (sqs_managed_sse_enabled = false)"
              : "has no server-side encryption written down (sqs_managed_sse_enabled or kms_master_key_id)",
        },
      ];
    });
  },
};
