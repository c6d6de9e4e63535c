import { quietHoursRule } from "../../../src/settings/rules/quiet-hours";
import { describeRule } from "./check-rule";

const nights = { timezone: "Asia/Tokyo", start: "cron(0 20 ? * MON-FRI *)", end: "cron(0 8 ? * MON-FRI *)" };

describeRule(quietHoursRule, {
  passing: [
    {},
    { quietHours: nights },
    { desiredCount: 2, quietHours: { ...nights, count: 2 } },
    { kind: "worker", autoscaling: { minCount: 1, maxCount: 4, cpuTargetPercent: 60 }, quietHours: { ...nights, count: 3 } },
  ],
  failing: [
    [
      { kind: "job", schedule: { expression: "rate(1 hour)", timezone: "UTC" }, quietHours: nights },
      "app/web.quietHours: must be left out of a job",
    ],
    [{ quietHours: { ...nights, timezone: "Tokyo" } }, "app/web.quietHours.timezone: must be an IANA time zone name"],
    [{ quietHours: { ...nights, start: "cron(0 20 * * MON-FRI *)" } }, "app/web.quietHours.start: must have ? in exactly one of"],
    [{ quietHours: { ...nights, end: "cron(0 8 ? * ? *)" } }, "app/web.quietHours.end: must have ? in exactly one of"],
    [{ quietHours: { ...nights, count: 3 } }, "app/web.quietHours.count: must be at most the service's 1 tasks (desiredCount)"],
    [
      { autoscaling: { minCount: 1, maxCount: 2, cpuTargetPercent: 60 }, quietHours: { ...nights, count: 3 } },
      "the service's 2 tasks (autoscaling.maxCount)",
    ],
  ],
});
