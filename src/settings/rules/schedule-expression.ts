import type { Problem } from "../problems";
import { cronProblem, isTimeZone, rateProblem } from "../schedule-expressions";
import type { SettingsRule } from "./rule";

export const scheduleExpressionRule: SettingsRule = {
  id: "schedule-expression",
  summary:
    "a job's `schedule.expression` is one EventBridge Scheduler takes (a cron with `?` in exactly one of day-of-month and day-of-week; a rate of at least one minute, singular for 1), and its `schedule.timezone` an IANA time zone such as `Asia/Tokyo`",
  check(s, { usable }) {
    const schedule = s.schedule;
    if (!schedule) return [];
    const problems: Problem[] = [];
    if (usable("schedule.expression") && typeof schedule.expression === "string") {
      const problem = schedule.expression.startsWith("rate(") ? rateProblem(schedule.expression) : cronProblem(schedule.expression);
      if (problem) problems.push({ path: "schedule.expression", rule: problem, value: schedule.expression });
    }
    if (usable("schedule.timezone") && typeof schedule.timezone === "string" && !isTimeZone(schedule.timezone)) {
      problems.push({
        path: "schedule.timezone",
        rule: "must be an IANA time zone name such as Asia/Tokyo, Europe/Paris or UTC, as EventBridge Scheduler takes it",
        value: schedule.timezone,
      });
    }
    return problems;
  },
};
