import { scheduleExpressionRule } from "../../../src/settings/rules/schedule-expression";
import { describeRule } from "./check-rule";

const job = (expression: string, timezone = "Asia/Tokyo") => ({ kind: "job", schedule: { expression, timezone } }) as const;

describeRule(scheduleExpressionRule, {
  passing: [
    {},
    job("cron(0 3 * * ? *)"),
    job("cron(30 9 ? * MON-FRI *)", "UTC"),
    job("rate(1 minute)", "Etc/UTC"),
    job("rate(15 minutes)", "Asia/Kolkata"),
    job("rate(1 day)", "America/Argentina/Buenos_Aires"),
  ],
  failing: [
    [job("cron(0 3 * * * *)"), "app/web.schedule.expression: must have ? in exactly one of day-of-month (third field) and day-of-week"],
    [job("cron(0 3 ? * ? *)"), "must have ? in exactly one of day-of-month"],
    [job("rate(1 minutes)"), "app/web.schedule.expression: must use the singular unit for 1 and the plural above"],
    [job("rate(5 hour)"), "must use the singular unit for 1 and the plural above"],
    [
      job("rate(1 hour)", "JST"),
      'app/web.schedule.timezone: must be an IANA time zone name such as Asia/Tokyo, Europe/Paris or UTC, as EventBridge Scheduler takes it; received "JST"',
    ],
    [job("rate(1 hour)", "asia/tokyo"), "app/web.schedule.timezone: must be an IANA time zone name"],
    [job("rate(1 hour)", "Mars/Olympus_Mons"), "app/web.schedule.timezone: must be an IANA time zone name"],
  ],
});
