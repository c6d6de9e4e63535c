import type { SettingsRule } from "./rule";

/** AWS's defaults for the health check fields the tutorial leaves unset (an HTTP target group of IPs). */
export const AWS_HEALTH_CHECK_DEFAULTS = {
  intervalSeconds: 30,
  timeoutSeconds: 5,
  healthyThreshold: 5,
  unhealthyThreshold: 2,
  matcher: "200",
} as const;

export const healthCheckTimingRule: SettingsRule = {
  id: "health-check-timing",
  summary: "the health check's timeout is shorter than its interval (AWS's defaults count when either is unset)",
  check(s, { usable }) {
    if (!usable("healthCheck.intervalSeconds", "healthCheck.timeoutSeconds")) return [];
    const { intervalSeconds, timeoutSeconds } = s.healthCheck;
    const interval = intervalSeconds ?? AWS_HEALTH_CHECK_DEFAULTS.intervalSeconds;
    const timeout = timeoutSeconds ?? AWS_HEALTH_CHECK_DEFAULTS.timeoutSeconds;
    if (timeout < interval) return [];
    if (timeoutSeconds !== undefined) {
      return [{ path: "healthCheck.timeoutSeconds", rule: `must be less than the interval (${interval} s)`, value: timeoutSeconds }];
    }
    return [
      {
        path: "healthCheck.intervalSeconds",
        rule: `must be more than the timeout (${timeout} s, AWS's default when timeoutSeconds is unset)`,
        value: intervalSeconds,
      },
    ];
  },
};
