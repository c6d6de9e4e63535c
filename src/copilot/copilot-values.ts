// Copilot's durations and schedules in the terms of the settings, converted as Copilot's own
// scheduled_job.go converts them for EventBridge (its docs only sketch the rules).

const UNIT_SECONDS = { ms: 0.001, s: 1, m: 60, h: 3600, d: 86400 } as const;

/** A Copilot duration (`10s`, `1h30m`, `250ms`, `4d`) in seconds, or undefined when it is not one. */
export function durationSeconds(text: unknown): number | undefined {
  if (typeof text !== "string" || !/^(\d+(\.\d+)?(ms|s|m|h|d))+$/.test(text.trim())) return undefined;
  let seconds = 0;
  for (const [, amount, unit] of text.trim().matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h|d)/g)) {
    seconds += Number(amount) * UNIT_SECONDS[unit as keyof typeof UNIT_SECONDS];
  }
  return seconds;
}

// The presets of robfig/cron, which Copilot reads them with, at midnight UTC; the week starts on Sunday (1).
const PRESETS: Readonly<Record<string, string>> = {
  "@yearly": "cron(0 0 1 1 ? *)",
  "@annually": "cron(0 0 1 1 ? *)",
  "@monthly": "cron(0 0 1 * ? *)",
  "@weekly": "cron(0 0 ? * 1 *)",
  "@daily": "cron(0 0 * * ? *)",
  "@midnight": "cron(0 0 * * ? *)",
  "@hourly": "cron(0 * * * ? *)",
};

/** Copilot's `on.schedule` as EventBridge Scheduler takes it (`cron(…)` of six fields or `rate(…)`), or why it cannot be. */
export function scheduleExpression(schedule: string): { expression: string } | { problem: string } {
  const text = schedule.trim();
  if (/^(rate|cron)\(.*\)$/.test(text)) return { expression: text };
  if (PRESETS[text]) return { expression: PRESETS[text] };
  if (text.startsWith("@every ")) return everyRate(text.slice("@every ".length));
  const fields = text.split(/\s+/);
  if (fields.length !== 5) {
    return { problem: "must be @daily (or another preset), @every <duration>, rate(…), cron(…) or a cron of five fields" };
  }
  return awsCron(fields);
}

function everyRate(duration: string): { expression: string } | { problem: string } {
  const seconds = durationSeconds(duration);
  if (seconds === undefined || seconds < 60 || seconds % 60 !== 0) {
    return { problem: "must be @every a whole number of minutes, at least one (1m, 90m, 1h)" };
  }
  const minutes = seconds / 60;
  // The largest whole unit, as a reader would write it: rate(1 hour) rather than rate(60 minutes).
  const [amount, unit] = minutes % 1440 === 0 ? [minutes / 1440, "day"] : minutes % 60 === 0 ? [minutes / 60, "hour"] : [minutes, "minute"];
  return { expression: `rate(${amount} ${unit}${amount === 1 ? "" : "s"})` };
}

// A field with * or ? in it leaves the days open: Copilot's test, which the rule of EventBridge needs
// (one of day-of-month and day-of-week is ?).
const open = (field: string) => /[*?]/.test(field);

function awsCron([minutes, hours, dayOfMonth, month, dayOfWeek]: string[]): { expression: string } | { problem: string } {
  if (!open(dayOfMonth) && !open(dayOfWeek)) {
    return { problem: "must not give both a day of the month and a day of the week: EventBridge takes one of the two, and ? in the other" };
  }
  const [days, weekdays] = open(dayOfWeek) ? [open(dayOfMonth) ? "*" : dayOfMonth, "?"] : ["?", dayOfWeek];
  // Standard cron counts the week 0-6 from Sunday (7 is Sunday too); EventBridge 1-7 from Sunday.
  const awsWeekdays = weekdays.replace(/\d+/g, (day) => String((Number(day) % 7) + 1));
  return { expression: `cron(${minutes} ${hours} ${days} ${month} ${awsWeekdays} *)` };
}
