import { sqsEncryptionRule } from "../../../src/checks/rules/sqs-encryption";
import { describePolicyRule, stackOf } from "./check-policy-rule";

describePolicyRule(sqsEncryptionRule, {
  passing: {
    "SSE-SQS, as the worker's queues": stackOf({ aws_sqs_queue: { queue: { name: "orders", sqs_managed_sse_enabled: true } } }),
    "a KMS key": stackOf({ aws_sqs_queue: { queue: { name: "orders", kms_master_key_id: "${aws_kms_key.queue.arn}" } } }),
  },
  failing: {
    "left to SQS's default": [
      stackOf({ aws_sqs_queue: { queue: { name: "orders" } } }),
      [
        {
          address: "aws_sqs_queue.queue",
          problem: "has no server-side encryption written down (sqs_managed_sse_enabled or kms_master_key_id)",
        },
      ],
    ],
    "turned off": [
      stackOf({ aws_sqs_queue: { queue: { name: "orders", sqs_managed_sse_enabled: false } } }),
      [{ address: "aws_sqs_queue.queue", problem: "turns server-side encryption off (sqs_managed_sse_enabled = false)" }],
    ],
  },
});
