/** `90s`, `15m`, `1h` or a number of seconds, in seconds; anything else is a usage error naming the option. */
export function parseDuration(text: string, option: string): number {
  const match = /^(\d+(?:\.\d+)?)(s|m|h)?$/.exec(text.trim());
  if (!match) throw new Error(`${option}: must be a duration such as 90s, 15m or 1h; received ${text}`);
  const unit = { s: 1, m: 60, h: 3600 }[(match[2] ?? "s") as "s" | "m" | "h"];
  return Number(match[1]) * unit;
}

/** How long `npm run deploy` and `deploy:local` wait for every service to serve: SERVICE_CHECK_TIMEOUT, else 15 minutes. */
export function serviceCheckTimeout(env: NodeJS.ProcessEnv = process.env): number {
  return parseDuration(env.SERVICE_CHECK_TIMEOUT ?? "15m", "SERVICE_CHECK_TIMEOUT");
}
