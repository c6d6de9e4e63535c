import { jobSettingsRule } from "../../../src/settings/rules/job-settings";
import { describeRule } from "./check-rule";

const job = { kind: "job", schedule: { expression: "cron(0 3 * * ? *)", timezone: "Asia/Tokyo" } } as const;

describeRule(jobSettingsRule, {
  passing: [
    job,
    { ...job, defaults: "recommended" },
    { ...job, deployment: { stopTimeoutSeconds: 60 }, logs: { enabled: true } },
    { healthCheck: { path: "/health" }, desiredCount: 2, containerPort: 8080 },
  ],
  failing: [
    [{ ...job, healthCheck: { path: "/health" } }, "app/web.healthCheck: must be left out of a job: a job is not behind the load balancer"],
    [{ ...job, listenerRule: { priority: 10 } }, "app/web.listenerRule: must be left out of a job"],
    [{ ...job, desiredCount: 2 }, "app/web.desiredCount: must be left out of a job: a job runs one task at each time of its schedule"],
    [{ ...job, autoscaling: { minCount: 1, maxCount: 2, cpuTargetPercent: 50 } }, "app/web.autoscaling: must be left out of a job"],
    [{ ...job, alarms: { enabled: true } }, "app/web.alarms.enabled: must be left out of a job"],
    [{ ...job, deployment: { circuitBreaker: true } }, "app/web.deployment.circuitBreaker: must be left out of a job"],
    [{ ...job, defaults: "recommended", deployment: { maximumPercent: 150 } }, "app/web.deployment.maximumPercent: must be left out"],
    [{ ...job, imageDeployedBy: "release" }, "app/web.imageDeployedBy: must be left out of a job: a release deploys to an ECS service"],
    [{ ...job, containerPort: 8080 }, "app/web.containerPort: must be left out of a job: a job takes no connections"],
  ],
});
