import type { Problem } from "../problems";
import type { ResolvedServiceSettings } from "../resolved-settings";
import { autoscalingRangeRule } from "./autoscaling-range";
import { backlogScalingRule } from "./backlog-scaling";
import { chapterOrderRule } from "./chapter-order";
import { containerHealthCheckRule } from "./container-health-check";
import { deploymentRoomRule } from "./deployment-room";
import { derivedNamesRule } from "./derived-names";
import { domainNamesRule } from "./domain-names";
import { environmentVariableNamesRule } from "./environment-variable-names";
import { execNeedsWritableRootRule } from "./exec-needs-writable-root";
import { existingInfrastructureRule } from "./existing-infrastructure";
import { fargateTaskSizeRule } from "./fargate-task-size";
import { healthCheckMatcherRule } from "./health-check-matcher";
import { healthCheckTimingRule } from "./health-check-timing";
import { imageReferenceRule } from "./image-reference";
import { jobNamesRule } from "./job-names";
import { jobNeedsScheduleRule } from "./job-needs-schedule";
import { jobSettingsRule } from "./job-settings";
import { kmsKeyArnsRule } from "./kms-key-arns";
import { listenerRuleConditionsRule } from "./listener-rule-conditions";
import { loadBalancerSubnetSizeRule } from "./load-balancer-subnet-size";
import { policySuppressionsRule } from "./policy-suppressions";
import { queueSubscriptionsRule } from "./queue-subscriptions";
import { quietHoursRule } from "./quiet-hours";
import { redirectRulePriorityRule } from "./redirect-rule-priority";
import { resourceTagsRule } from "./resource-tags";
import type { RuleContext, SettingsRule } from "./rule";
import { scheduleExpressionRule } from "./schedule-expression";
import { scheduleOnlyOnJobsRule } from "./schedule-only-on-jobs";
import { secretSourcesRule } from "./secret-sources";
import { subnetCidrsRule } from "./subnet-cidrs";
import { subnetsPerZoneRule } from "./subnets-per-zone";
import { taskAddressesRule } from "./task-addresses";
import { taskDefinitionSizeRule } from "./task-definition-size";
import { taskRoleStatementsRule } from "./task-role-statements";
import { tlsPolicyRule } from "./tls-policy";
import { unusedSettingsRule } from "./unused-settings";
import { vpcCidrRule } from "./vpc-cidr";
import { webOnlySettingsRule } from "./web-only-settings";
import { workerSettingsRule } from "./worker-settings";
import { writablePathsRule } from "./writable-paths";
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
  secretSourcesRule,
  kmsKeyArnsRule,
  taskRoleStatementsRule,
  autoscalingRangeRule,
  workerSettingsRule,
  backlogScalingRule,
  queueSubscriptionsRule,
  jobNeedsScheduleRule,
  scheduleOnlyOnJobsRule,
  jobSettingsRule,
  webOnlySettingsRule,
  scheduleExpressionRule,
  jobNamesRule,
  quietHoursRule,
  deploymentRoomRule,
  writablePathsRule,
  execNeedsWritableRootRule,
  containerHealthCheckRule,
  domainNamesRule,
  tlsPolicyRule,
  redirectRulePriorityRule,
  chapterOrderRule,
  existingInfrastructureRule,
  unusedSettingsRule,
  policySuppressionsRule,
];

/** The problems every rule finds in these settings. */
export function checkRules(settings: ResolvedServiceSettings, context: RuleContext): Problem[] {
  return SETTINGS_RULES.flatMap((rule) => rule.check(settings, context));
}
