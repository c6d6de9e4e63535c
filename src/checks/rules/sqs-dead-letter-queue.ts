import { referencesIn } from "../../terraform/terraform-json";
import type { PolicyRule } from "../policy-rule";
import { deadLetterQueues } from "../stack-queries";

export const sqsDeadLetterQueueRule: PolicyRule = {
  id: "SQS-DEAD-LETTER-QUEUE",
  severity: "error",
  risk: "A message a consumer cannot handle comes back after every visibility timeout until its retention ends: it is retried for days, then lost without trace.",
  fix: 'Leave the worker\'s queue to this project (a dead-letter queue after "queue": { "maxReceiveCount": … } receives); for a queue of your own, give it a redrive_policy.',
  equivalents: { cdkNag: ["AwsSolutions-SQS3"] },
  check(stack) {
    // A dead-letter queue is the end of the line: it needs none of its own.
    const deadLetters = deadLetterQueues(stack);
    const redriven = new Set(stack.ofType("aws_sqs_queue_redrive_policy").flatMap((policy) => referencesIn(policy.config.queue_url)));
    return stack
      .ofType("aws_sqs_queue")
      .filter((queue) => !deadLetters.has(queue.address) && !queue.config.redrive_policy && !redriven.has(queue.address))
      .map((queue) => ({ address: queue.address, problem: "has no dead-letter queue (redrive_policy)" }));
  },
};
