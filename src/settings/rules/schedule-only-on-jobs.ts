import type { SettingsRule } from "./rule";

export const scheduleOnlyOnJobsRule: SettingsRule = {
  id: "schedule-only-on-jobs",
  summary: '`schedule` is given only to a service of `kind` `"job"`: the other kinds run all the time, and would silently ignore it',
  check(s, { usable }) {
    if (!usable("kind", "schedule") || s.kind === "job" || !s.schedule) return [];
    return [
      {
        path: "schedule",
        rule: `only a job runs on a schedule; this service is of kind "${s.kind}" (set kind to "job", or use quietHours to run fewer tasks at set times)`,
        value: s.schedule,
      },
    ];
  },
};
