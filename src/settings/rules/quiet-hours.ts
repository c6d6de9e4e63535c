import type { Problem } from "../problems";
import { cronProblem, isTimeZone } from "../schedule-expressions";
import type { SettingsRule } from "./rule";

export const quietHoursRule: SettingsRule = {
  id: "quiet-hours",
  summary:
    "`quietHours` is given to a service with an ECS service (not a job), in an IANA time zone, its `start` and `end` crons with `?` in exactly one of day-of-month and day-of-week, its `count` within the service's range (`autoscaling.maxCount`, else `desiredCount`)",
  check(s, { usable }) {
    const quiet = s.quietHours;
    if (!quiet || !usable("quietHours")) return [];
    if (usable("kind") && s.kind === "job") {
      return [
        { path: "quietHours", rule: "must be left out of a job: a job runs only on its schedule, and has no tasks to stop", value: quiet },
      ];
    }
    const problems: Problem[] = [];
    if (typeof quiet.timezone === "string" && !isTimeZone(quiet.timezone)) {
      problems.push({
        path: "quietHours.timezone",
        rule: "must be an IANA time zone name such as Asia/Tokyo, Europe/Paris or UTC, as Application Auto Scaling takes it",
        value: quiet.timezone,
      });
    }
    for (const field of ["start", "end"] as const) {
      const problem = typeof quiet[field] === "string" ? cronProblem(quiet[field]) : undefined;
      if (problem) problems.push({ path: `quietHours.${field}`, rule: problem, value: quiet[field] });
    }
    const [most, from] = s.autoscaling ? [s.autoscaling.maxCount, "autoscaling.maxCount"] : [s.desiredCount, "desiredCount"];
    if (usable("quietHours.count", "desiredCount") && quiet.count > most) {
      problems.push({
        path: "quietHours.count",
        rule: `must be at most the service's ${most} tasks (${from}): quiet hours run fewer tasks, not more`,
        value: quiet.count,
      });
    }
    return problems;
  },
};
