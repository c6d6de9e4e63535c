import type { ResolvedServiceSettings } from "./resolved-settings";
import { TUTORIAL } from "./tutorial";

/** A setting the file gave (it differs from its default) that only a service behind the load balancer uses. */
export interface LoadBalancerSetting {
  readonly path: string;
  readonly given: (s: ResolvedServiceSettings) => boolean;
  readonly value: (s: ResolvedServiceSettings) => unknown;
}

/** The settings of a service's target group, listener rule and load-balancer alarms: a web service's only. */
export const LOAD_BALANCER_SETTINGS: readonly LoadBalancerSetting[] = [
  {
    path: "healthCheck",
    given: ({ healthCheck: { path, port, ...rest }, containerPort }) =>
      path !== TUTORIAL.healthCheckPath || port !== containerPort || Object.keys(rest).length > 0,
    value: (s) => s.healthCheck,
  },
  {
    path: "listenerRule",
    given: ({ listenerRule: { pathPatterns, hostHeaders, priority } }) =>
      JSON.stringify(pathPatterns) !== JSON.stringify(TUTORIAL.pathPatterns) || hostHeaders.length > 0 || priority !== undefined,
    value: (s) => s.listenerRule,
  },
  { path: "alarms.enabled", given: (s) => s.alarms.enabled, value: () => true },
];
