import type { SettingsRule } from "./rule";

export const jobNeedsScheduleRule: SettingsRule = {
  id: "job-needs-schedule",
  summary: 'a service of `kind` `"job"` has a `schedule`: a job has no ECS service, and without a schedule nothing would ever run it',
  check(s, { usable }) {
    if (!usable("kind", "schedule") || s.kind !== "job" || s.schedule) return [];
    return [
      {
        path: "schedule",
        rule: 'must be given for a job ({ "expression": "cron(...)" or "rate(...)", "timezone": "Asia/Tokyo" }): a job runs only on its schedule',
        value: undefined,
      },
    ];
  },
};
