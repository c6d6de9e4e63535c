import type { EnvironmentFile } from "../../src/settings/settings";
import { NGINX_READ_ONLY, type SmallPlatformOptions, smallPlatform } from "./small-platform";

/**
 * A platform with a service of each kind: `web` behind the load balancer (quiet at night), `api`
 * internal (Service Connect), `worker` on a queue subscribed to `topicArn` and scaled on its
 * backlog, `nightly` a job at 03:00 in Tokyo, on the {@link smallPlatform}.
 */
export function everyKind(options: SmallPlatformOptions & { readonly topicArn: string }): EnvironmentFile {
  const { topicArn } = options;
  return {
    ...smallPlatform(options),
    // The worker's backlog per task counts its running tasks with Container Insights.
    containerInsights: "enabled",
    services: {
      web: {
        ...NGINX_READ_ONLY,
        listenerRule: { pathPatterns: ["/*"], priority: 100 },
        quietHours: { timezone: "Asia/Tokyo", start: "cron(0 22 ? * MON-FRI *)", end: "cron(0 7 ? * MON-FRI *)", count: 1 },
      },
      api: { ...NGINX_READ_ONLY, kind: "internal" },
      worker: {
        ...NGINX_READ_ONLY,
        kind: "worker",
        queue: { subscribeTo: [topicArn] },
        autoscaling: { minCount: 0, maxCount: 4, messagesPerTask: 10 },
      },
      nightly: {
        ...NGINX_READ_ONLY,
        kind: "job",
        schedule: { expression: "cron(0 3 * * ? *)", timezone: "Asia/Tokyo" },
      },
    },
  };
}
