import { sqsDeadLetterQueueRule } from "../../../src/checks/rules/sqs-dead-letter-queue";
import { describePolicyRule, stackOf } from "./check-policy-rule";

const redrive = '${jsonencode({"deadLetterTargetArn" = aws_sqs_queue.queue_dlq.arn, "maxReceiveCount" = 5})}';

describePolicyRule(sqsDeadLetterQueueRule, {
  passing: {
    "a worker's queue and its dead-letter queue": stackOf({
      aws_sqs_queue: { queue: { name: "orders", redrive_policy: redrive }, queue_dlq: { name: "orders-dlq" } },
    }),
    "a schedule's dead-letter queue": stackOf({
      aws_sqs_queue: { schedule_dlq: { name: "report-schedule-dlq" } },
      aws_scheduler_schedule: {
        schedule: { target: { arn: "${aws_sfn_state_machine.job.arn}", dead_letter_config: { arn: "${aws_sqs_queue.schedule_dlq.arn}" } } },
      },
    }),
    "a redrive policy of its own resource": stackOf({
      aws_sqs_queue: { queue: { name: "orders" }, queue_dlq: { name: "orders-dlq" } },
      aws_sqs_queue_redrive_policy: { queue: { queue_url: "${aws_sqs_queue.queue.id}", redrive_policy: redrive } },
    }),
  },
  failing: {
    "a queue whose failed messages go nowhere": [
      stackOf({ aws_sqs_queue: { queue: { name: "orders" } } }),
      [{ address: "aws_sqs_queue.queue", problem: "has no dead-letter queue (redrive_policy)" }],
    ],
  },
});
