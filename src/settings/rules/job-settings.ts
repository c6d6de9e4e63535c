import { MODE_DEFAULTS } from "../defaults";
import { LOAD_BALANCER_SETTINGS } from "../load-balancer-settings";
import type { Problem } from "../problems";
import type { ResolvedServiceSettings } from "../resolved-settings";
import { TUTORIAL } from "../tutorial";
import type { SettingsRule } from "./rule";

const NOT_BEHIND_THE_LOAD_BALANCER = "a job is not behind the load balancer";
const ONE_TASK_PER_RUN = "a job runs one task at each time of its schedule";
const NO_SERVICE = "a job has no ECS service to deploy; each run starts from its task definition";
const NO_CONNECTIONS = "a job takes no connections";

/** A service setting a job has no use for, and how to tell that the file gave it (it differs from its default). */
const SERVICE_ONLY: readonly {
  path: string;
  given: (s: ResolvedServiceSettings) => boolean;
  value: (s: ResolvedServiceSettings) => unknown;
  why: string;
}[] = [
  ...LOAD_BALANCER_SETTINGS.map((setting) => ({
    ...setting,
    why:
      setting.path === "alarms.enabled"
        ? "the alarms watch the load balancer, which a job is not behind; its failed runs go to the notifications topic"
        : NOT_BEHIND_THE_LOAD_BALANCER,
  })),
  { path: "autoscaling", given: (s) => s.autoscaling !== undefined, value: (s) => s.autoscaling, why: ONE_TASK_PER_RUN },
  { path: "desiredCount", given: (s) => s.desiredCount !== TUTORIAL.desiredCount, value: (s) => s.desiredCount, why: ONE_TASK_PER_RUN },
  ...(
    ["circuitBreaker", "minimumHealthyPercent", "maximumPercent", "healthCheckGracePeriodSeconds", "deregistrationDelaySeconds"] as const
  ).map((field) => ({
    path: `deployment.${field}`,
    given: (s: ResolvedServiceSettings) => s.deployment[field] !== MODE_DEFAULTS[s.defaults].deployment[field],
    value: (s: ResolvedServiceSettings) => s.deployment[field],
    why: NO_SERVICE,
  })),
  {
    path: "deployment.waitForSteadyState",
    given: (s) => s.deployment.waitForSteadyState !== s.safeChanges,
    value: (s) => s.deployment.waitForSteadyState,
    why: NO_SERVICE,
  },
  {
    path: "imageDeployedBy",
    given: (s) => s.imageDeployedBy === "release",
    value: (s) => s.imageDeployedBy,
    why: "a release deploys to an ECS service, which a job has not; the apply writes its image",
  },
  { path: "containerPort", given: (s) => s.containerPort !== TUTORIAL.containerPort, value: (s) => s.containerPort, why: NO_CONNECTIONS },
  {
    path: "serviceIngress",
    given: (s) => s.serviceIngress !== MODE_DEFAULTS[s.defaults].serviceIngress,
    value: (s) => s.serviceIngress,
    why: NO_CONNECTIONS,
  },
];

export const jobSettingsRule: SettingsRule = {
  id: "job-settings",
  summary:
    'a service of `kind` `"job"` is given none of what only an ECS service uses (`healthCheck`, `listenerRule`, `alarms.enabled`, `autoscaling`, `desiredCount`, `deployment` but its `stopTimeoutSeconds`, `imageDeployedBy: "release"`, `containerPort`, `serviceIngress`): it would be silently ignored',
  check(s, { usable }) {
    if (!usable("kind") || s.kind !== "job") return [];
    return SERVICE_ONLY.filter(({ path, given }) => usable(path) && given(s)).map(
      ({ path, value, why }): Problem => ({ path, rule: `must be left out of a job: ${why}`, value: value(s) }),
    );
  },
};
