import { firstServiceWebRule } from "./first-service-web";
import { listenerRuleOverlapRule } from "./listener-rule-overlap";
import { listenerRulePrioritiesRule } from "./listener-rule-priorities";
import { listenerRuleShadowingRule } from "./listener-rule-shadowing";
import { loadBalancerLimitsRule } from "./load-balancer-limits";
import type { AttachedService, ServiceProblem, ServicesRule } from "./rule";
import { serviceConnectCallersRule } from "./service-connect-callers";
import { serviceConnectNamesRule } from "./service-connect-names";

/** Every rule across the services of a platform, in the order their problems are listed. */
export const SERVICES_RULES: readonly ServicesRule[] = [
  firstServiceWebRule,
  listenerRulePrioritiesRule,
  listenerRuleOverlapRule,
  listenerRuleShadowingRule,
  loadBalancerLimitsRule,
  serviceConnectNamesRule,
  serviceConnectCallersRule,
];

/** The problems every rule finds among these services. */
export function checkServices(services: readonly AttachedService[]): ServiceProblem[] {
  return SERVICES_RULES.flatMap((rule) => rule.check(services));
}
