import type { EnvironmentFile, ServiceSettings } from "../../src/settings/settings";

const NGINX_READ_ONLY: ServiceSettings = {
  image: "nginx:1.26",
  readonlyRootFilesystem: true,
  writablePaths: ["/var/cache/nginx", "/var/run"],
};

/**
 * A platform with a service of each kind: `web` behind the load balancer (quiet at night), `api`
 * internal (Service Connect), `worker` on a queue subscribed to `topicArn` and scaled on its
 * backlog, `nightly` a job at 03:00 in Tokyo. Recommended defaults, no NAT gateway and two zones,
 * to apply quickly on the emulator; state in S3.
 */
export function everyKind(options: {
  readonly name: string;
  readonly region: string;
  readonly state: { readonly bucket: string; readonly key: string };
  readonly topicArn: string;
}): EnvironmentFile {
  const { name, region, state, topicArn } = options;
  return {
    defaults: "recommended",
    name,
    region,
    azs: [`${region}a`, `${region}c`],
    publicSubnetCidrs: ["10.0.1.0/24", "10.0.2.0/24"],
    privateSubnetCidrs: ["10.0.10.0/24", "10.0.20.0/24"],
    natGateways: "none",
    loadBalancer: { deletionProtection: false, accessLogs: false },
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
    suppressions: [
      { rule: "LB-HTTPS", reason: "A test without a domain." },
      { rule: "LB-ACCESS-LOGS", reason: "A test: its requests are its own." },
      { rule: "ECS-PUBLIC-IP", reason: "A test without NAT gateways." },
    ],
    backend: { s3: { bucket: state.bucket, key: state.key, region } },
  };
}
