import { webOnlySettingsRule } from "../../../src/settings/rules/web-only-settings";
import { describeRule } from "./check-rule";

describeRule(webOnlySettingsRule, {
  passing: [
    { kind: "internal" },
    { kind: "worker", defaults: "recommended" },
    { kind: "internal", containerPort: 8080, autoscaling: { minCount: 1, maxCount: 3, cpuTargetPercent: 60 } },
    { healthCheck: { path: "/health" }, listenerRule: { priority: 10 }, autoscaling: { minCount: 1, maxCount: 2, requestsPerTarget: 100 } },
  ],
  failing: [
    [
      { kind: "internal", healthCheck: { path: "/health" } },
      'app/web.healthCheck: must be left out: a service of kind "internal" has no target group: only a web service is behind the load balancer',
    ],
    [{ kind: "worker", listenerRule: { pathPatterns: ["/jobs/*"] } }, "app/web.listenerRule: must be left out"],
    [{ kind: "worker", alarms: { enabled: true } }, "app/web.alarms.enabled: must be left out"],
    [
      { kind: "internal", autoscaling: { minCount: 1, maxCount: 2, requestsPerTarget: 100 } },
      "app/web.autoscaling.requestsPerTarget: must be left out",
    ],
  ],
});
