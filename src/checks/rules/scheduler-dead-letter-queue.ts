import { blocks } from "../../terraform/terraform-json";
import type { PolicyRule } from "../policy-rule";

export const schedulerDeadLetterQueueRule: PolicyRule = {
  id: "SCHEDULER-DEAD-LETTER-QUEUE",
  severity: "error",
  risk: "A schedule without a dead-letter queue drops a run it cannot start (a missing target, a role it cannot assume) without trace, and without a retry policy retries it for up to a day.",
  fix: 'Leave the job\'s schedule to this project (its dead-letter queue and "schedule": { "retries" }); on a schedule of your own, set the target\'s dead_letter_config and retry_policy.',
  equivalents: {},
  check(stack) {
    return stack.ofType("aws_scheduler_schedule").flatMap((schedule) => {
      const targets = blocks(schedule.config.target);
      const problems: string[] = [];
      if (!targets.some((target) => blocks(target.dead_letter_config).some((config) => config.arn))) {
        problems.push("has no dead-letter queue for the runs it cannot deliver (target.dead_letter_config)");
      }
      if (!targets.some((target) => blocks(target.retry_policy).length)) {
        problems.push("leaves its retries to AWS's default, 185 attempts over 24 hours (target.retry_policy)");
      }
      return problems.map((problem) => ({ address: schedule.address, problem }));
    });
  },
};
