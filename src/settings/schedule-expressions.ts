/** The zones the time zone database of Node's ICU names, canonical names only. */
let canonicalZones: ReadonlySet<string> | undefined;

/**
 * Whether AWS takes `name` as a time zone (EventBridge Scheduler and Application Auto Scaling both
 * take IANA names): a canonical name as ICU knows it, `UTC` and `Etc/UTC` (which Node does not
 * list), or another IANA `Area/Location` name ICU resolves, such as `Asia/Kolkata` (listed under its
 * older name). Abbreviations such as `JST`, which ICU accepts and AWS does not, are refused.
 */
export function isTimeZone(name: string): boolean {
  canonicalZones ??= new Set(Intl.supportedValuesOf("timeZone"));
  if (canonicalZones.has(name) || name === "UTC" || name === "Etc/UTC") return true;
  if (!/^[A-Z][A-Za-z_-]*(\/[A-Z0-9][A-Za-z0-9_+-]*)+$/.test(name)) return false;
  try {
    new Intl.DateTimeFormat("en", { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/**
 * What is wrong with a `cron(...)` expression of six fields, as EventBridge Scheduler and
 * Application Auto Scaling read it, or nothing: exactly one of day-of-month and day-of-week is `?`.
 */
export function cronProblem(expression: string): string | undefined {
  const fields = /^cron\((.*)\)$/.exec(expression)?.[1].trim().split(/\s+/);
  if (fields?.length !== 6) return "must be cron(minutes hours day-of-month month day-of-week year), six fields";
  const [, , dayOfMonth, , dayOfWeek] = fields;
  if ((dayOfMonth === "?") === (dayOfWeek === "?")) {
    return "must have ? in exactly one of day-of-month (third field) and day-of-week (fifth field): AWS takes one of the two, and ? in the other";
  }
  return undefined;
}

/** A `rate(...)` expression: its number, and its unit as written. */
export const RATE_EXPRESSION = /^rate\((\d+) (minute|minutes|hour|hours|day|days)\)$/;

/**
 * What is wrong with a `rate(...)` expression, or nothing: a whole number of minutes, hours or days,
 * at least one minute, in the singular for 1 and the plural above (`rate(1 hour)`, `rate(5 hours)`).
 */
export function rateProblem(expression: string): string | undefined {
  const match = RATE_EXPRESSION.exec(expression);
  if (!match) return "must be rate(<n> minutes|hours|days)";
  const value = Number(match[1]);
  if (value < 1) return "must be at least rate(1 minute): EventBridge Scheduler runs a schedule at most once a minute";
  const plural = match[2].endsWith("s");
  if ((value === 1) === plural) return "must use the singular unit for 1 and the plural above, such as rate(1 hour) or rate(5 hours)";
  return undefined;
}
