import { healthCheckTimingRule } from "../../../src/settings/rules/health-check-timing";
import { describeRule } from "./check-rule";

describeRule(healthCheckTimingRule, {
  passing: [
    {},
    { healthCheck: { timeoutSeconds: 2 } },
    { healthCheck: { timeoutSeconds: 120, intervalSeconds: 121 } },
    { healthCheck: { intervalSeconds: 5, timeoutSeconds: 4 } },
  ],
  failing: [
    [
      { healthCheck: { intervalSeconds: 10, timeoutSeconds: 10 } },
      "app/web.healthCheck.timeoutSeconds: must be less than the interval (10 s); received 10",
    ],
    [{ healthCheck: { timeoutSeconds: 30 } }, "app/web.healthCheck.timeoutSeconds: must be less than the interval (30 s); received 30"],
    [
      { healthCheck: { intervalSeconds: 5 } },
      "app/web.healthCheck.intervalSeconds: must be more than the timeout (5 s, AWS's default when timeoutSeconds is unset); received 5",
    ],
  ],
});
