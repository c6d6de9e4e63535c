// How often a schedule fires, counted over one year so that a month is a twelfth of it: the same
// 730-hour month (8,760 hours a year / 12) the rest of the estimate uses. Daylight saving time is
// ignored: in the schedule's own time zone, a day has 24 hours.
import { RATE_EXPRESSION } from "../settings/schedule-expressions";
import { HOURS_PER_MONTH } from "./prices";

const MINUTES_PER_MONTH = HOURS_PER_MONTH * 60;
/** A non-leap year starting on a Wednesday (2025): what the cron expressions are counted over. */
const YEAR = 2025;
const DAYS = 365;

const CRON = /^cron\((\S+) (\S+) (\S+) (\S+) (\S+) (\S+)\)$/;
const UNIT_MINUTES: Record<string, number> = { minute: 1, minutes: 1, hour: 60, hours: 60, day: 1440, days: 1440 };
const MONTHS = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];
// EventBridge numbers the days of the week 1 (Sunday) to 7 (Saturday).
const WEEKDAYS = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];

/** Times a `rate(...)` or `cron(...)` expression fires in a 730-hour month; undefined for an expression it cannot read. */
export function runsPerMonth(expression: string): number | undefined {
  const rate = RATE_EXPRESSION.exec(expression);
  if (rate) return MINUTES_PER_MONTH / (Number(rate[1]) * UNIT_MINUTES[rate[2]]);
  const firings = cronFirings(expression);
  return firings && firings.length / 12;
}

/**
 * Hours a month between each firing of `start` and the next firing of `end`: the hours of a
 * quiet-hours window, counted over a year (the state at the year's start is the one it ends in).
 */
export function hoursBetween(start: string, end: string): number | undefined {
  const starts = cronFirings(start);
  const ends = cronFirings(end);
  if (!starts || !ends) return undefined;
  const events = [...starts.map((at) => ({ at, quiet: true })), ...ends.map((at) => ({ at, quiet: false }))].sort(
    (a, b) => a.at - b.at || Number(a.quiet) - Number(b.quiet),
  );
  if (!events.length) return 0;
  let quiet = events[events.length - 1].quiet;
  let since = 0;
  let minutes = 0;
  for (const event of events) {
    if (quiet) minutes += event.at - since;
    quiet = event.quiet;
    since = event.at;
  }
  if (quiet) minutes += DAYS * 1440 - since;
  return minutes / 60 / 12;
}

/** The minutes of the year (from its start) at which a cron expression fires; undefined for one it cannot read. */
function cronFirings(expression: string): number[] | undefined {
  const cron = CRON.exec(expression);
  if (!cron) return undefined;
  const [, minuteField, hourField, dayField, monthField, weekdayField] = cron;
  const minutes = values(minuteField, 0, 59);
  const hours = values(hourField, 0, 23);
  const months = values(monthField, 1, 12, MONTHS, 1);
  if (!minutes || !hours || !months) return undefined;
  const firings: number[] = [];
  for (let day = 0; day < DAYS; day++) {
    const date = new Date(Date.UTC(YEAR, 0, 1 + day));
    if (!months.has(date.getUTCMonth() + 1)) continue;
    const matches = dayMatches(dayField, weekdayField, date);
    if (matches === undefined) return undefined;
    if (!matches) continue;
    for (const hour of [...hours].sort((a, b) => a - b))
      for (const minute of [...minutes].sort((a, b) => a - b)) firings.push(day * 1440 + hour * 60 + minute);
  }
  return firings;
}

/** Whether a date matches the day-of-month and day-of-week fields (one of them `?`); undefined for a field it cannot read. */
function dayMatches(dayField: string, weekdayField: string, date: Date): boolean | undefined {
  const day = date.getUTCDate();
  const lastDay = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0)).getUTCDate();
  const weekday = date.getUTCDay() + 1;
  let dayOk = true;
  if (dayField !== "?" && dayField !== "*") {
    if (dayField === "L") dayOk = day === lastDay;
    else {
      // `15W`, the weekday nearest the 15th, is counted as the 15th: the same number of runs.
      const days = values(dayField.replace(/W$/, ""), 1, 31);
      if (!days) return undefined;
      dayOk = days.has(day);
    }
  }
  let weekdayOk = true;
  if (weekdayField !== "?" && weekdayField !== "*") {
    const nth = /^(\w+)#([1-5])$/.exec(weekdayField);
    const last = /^(\w+)L$/.exec(weekdayField);
    if (nth || last) {
      const wanted = values((nth ?? last)![1], 1, 7, WEEKDAYS, 1);
      if (!wanted) return undefined;
      weekdayOk = wanted.has(weekday) && (nth ? Math.ceil(day / 7) === Number(nth[2]) : day + 7 > lastDay);
    } else {
      const weekdays = values(weekdayField, 1, 7, WEEKDAYS, 1);
      if (!weekdays) return undefined;
      weekdayOk = weekdays.has(weekday);
    }
  }
  return dayOk && weekdayOk;
}

/** The values a cron field allows: `*`, `5`, `1-5`, `MON-FRI`, `0/15`, `*\/10`, lists of these. */
function values(field: string, min: number, max: number, names: readonly string[] = [], firstName = 0): Set<number> | undefined {
  const number = (text: string) => {
    const named = names.indexOf(text.toUpperCase());
    const value = named >= 0 ? named + firstName : Number(text);
    return Number.isInteger(value) && value >= min && value <= max ? value : undefined;
  };
  const found = new Set<number>();
  for (const part of field.split(",")) {
    const [range, stepText] = part.split("/");
    const step = stepText === undefined ? 1 : Number(stepText);
    if (!Number.isInteger(step) || step < 1) return undefined;
    let from: number | undefined;
    let to: number | undefined;
    if (range === "*" || range === "?") [from, to] = [min, max];
    else if (range.includes("-")) [from, to] = range.split("-").map(number);
    else [from, to] = [number(range), stepText === undefined ? number(range) : max];
    if (from === undefined || to === undefined) return undefined;
    for (let value = from; value <= to; value += step) found.add(value);
  }
  return found;
}
