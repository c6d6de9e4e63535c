import type { Problem } from "../problems";
import type { ResolvedServiceSettings } from "../resolved-settings";
import { derivedNamesRule } from "./derived-names";
import { environmentVariableNamesRule } from "./environment-variable-names";
import { fargateTaskSizeRule } from "./fargate-task-size";
import { healthCheckMatcherRule } from "./health-check-matcher";
import { healthCheckTimingRule } from "./health-check-timing";
import { imageReferenceRule } from "./image-reference";
import { listenerRuleConditionsRule } from "./listener-rule-conditions";
import { loadBalancerSubnetSizeRule } from "./load-balancer-subnet-size";
import { resourceTagsRule } from "./resource-tags";
import type { RuleContext, SettingsRule } from "./rule";
import { subnetCidrsRule } from "./subnet-cidrs";
import { subnetsPerZoneRule } from "./subnets-per-zone";
import { taskAddressesRule } from "./task-addresses";
import { taskDefinitionSizeRule } from "./task-definition-size";
import { vpcCidrRule } from "./vpc-cidr";
import { zonesInRegionRule } from "./zones-in-region";

/** Every settings rule, in the order their problems are listed. */
export const SETTINGS_RULES: readonly SettingsRule[] = [
  derivedNamesRule,
  vpcCidrRule,
  subnetsPerZoneRule,
  subnetCidrsRule,
  loadBalancerSubnetSizeRule,
  zonesInRegionRule,
  taskAddressesRule,
  imageReferenceRule,
  fargateTaskSizeRule,
  healthCheckTimingRule,
  healthCheckMatcherRule,
  listenerRuleConditionsRule,
  environmentVariableNamesRule,
  resourceTagsRule,
  taskDefinitionSizeRule,
];

/** The problems every rule finds in these settings. */
export function checkRules(settings: ResolvedServiceSettings, context: RuleContext): Problem[] {
  return SETTINGS_RULES.flatMap((rule) => rule.check(settings, context));
}
