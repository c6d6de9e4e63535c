import type { Problem } from "../problems";
import type { ResolvedServiceSettings } from "../resolved-settings";

/** A service on a platform, as the rules across services see it. */
export interface AttachedService {
  /** How messages name the service: `services.api` in a file, the construct's path in code. */
  readonly label: string;
  readonly settings: ResolvedServiceSettings;
}

/** A problem of one service (by its index) found against the others; the path is the service's own. */
export interface ServiceProblem extends Problem {
  readonly service: number;
}

/** A rule across the services of one platform: what they may not share, and the load balancer's limits. */
export interface ServicesRule {
  /** The rule's file name in src/settings/service-rules/, without `.ts`. */
  readonly id: string;
  /** What the rule requires and why, in one line, for the README. */
  readonly summary: string;
  check(services: readonly AttachedService[]): ServiceProblem[];
}
