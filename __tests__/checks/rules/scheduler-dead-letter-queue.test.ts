import { schedulerDeadLetterQueueRule } from "../../../src/checks/rules/scheduler-dead-letter-queue";
import { describePolicyRule, stackOf } from "./check-policy-rule";

const schedule = (target: Record<string, unknown>) =>
  stackOf({
    aws_scheduler_schedule: {
      schedule: {
        schedule_expression: "cron(0 3 * * ? *)",
        schedule_expression_timezone: "Asia/Tokyo",
        target: { arn: "${aws_sfn_state_machine.job.arn}", role_arn: "${aws_iam_role.scheduler.arn}", ...target },
      },
    },
  });

describePolicyRule(schedulerDeadLetterQueueRule, {
  passing: {
    "a dead-letter queue and retries, as the job's schedule": schedule({
      dead_letter_config: { arn: "${aws_sqs_queue.schedule_dlq.arn}" },
      retry_policy: { maximum_retry_attempts: 2, maximum_event_age_in_seconds: 3600 },
    }),
  },
  failing: {
    neither: [
      schedule({}),
      [
        {
          address: "aws_scheduler_schedule.schedule",
          problem: "has no dead-letter queue for the runs it cannot deliver (target.dead_letter_config)",
        },
        {
          address: "aws_scheduler_schedule.schedule",
          problem: "leaves its retries to AWS's default, 185 attempts over 24 hours (target.retry_policy)",
        },
      ],
    ],
    "retries but no dead-letter queue": [
      schedule({ retry_policy: { maximum_retry_attempts: 2 } }),
      [
        {
          address: "aws_scheduler_schedule.schedule",
          problem: "has no dead-letter queue for the runs it cannot deliver (target.dead_letter_config)",
        },
      ],
    ],
  },
});
