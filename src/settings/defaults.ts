import { RECOMMENDED_TLS_POLICY } from "../aws/tls-policies";
import type { ContainerInsights, DefaultsMode, LoadBalancerEgress, LogRetentionDays, ServiceIngress, UnmatchedRequests } from "./settings";
import { TUTORIAL } from "./tutorial";

/** The defaults of the settings the two modes disagree on, or that the tutorial has no value for. */
export interface ModeDefaults {
  readonly serviceIngress: ServiceIngress;
  readonly propagateTags: boolean;
  readonly logs: { readonly enabled: boolean; readonly retentionDays: LogRetentionDays };
  readonly deployment: {
    readonly circuitBreaker: boolean;
    readonly minimumHealthyPercent?: number;
    readonly maximumPercent?: number;
    readonly healthCheckGracePeriodSeconds?: number;
    readonly deregistrationDelaySeconds?: number;
  };
  readonly containerInsights?: ContainerInsights;
  /** Whether the service runs on the cluster's capacity providers even without Spot. */
  readonly useCapacityProviders: boolean;
  /** Whether the service has CloudWatch alarms that notify and roll deployments back. */
  readonly alarms: boolean;
  /** Whether the service gets a task role even with nothing in it, for the application to grow into. */
  readonly taskRole: boolean;
  readonly https: { readonly tlsPolicy?: string; readonly redirectHttp: boolean };
  readonly loadBalancer: {
    readonly dropInvalidHeaderFields: boolean;
    readonly deletionProtection: boolean;
    readonly accessLogs: boolean;
    readonly unmatchedRequests: UnmatchedRequests;
    readonly egress: LoadBalancerEgress;
  };
  readonly describeSecurityGroupRules: boolean;
  readonly closeDefaultSecurityGroup: boolean;
}

/** The tutorial as written: every feature it lacks is off, every AWS default left to AWS (not written). */
const TUTORIAL_DEFAULTS: ModeDefaults = {
  serviceIngress: TUTORIAL.serviceIngress,
  propagateTags: false,
  logs: { enabled: false, retentionDays: 30 },
  deployment: { circuitBreaker: false },
  useCapacityProviders: false,
  alarms: false,
  taskRole: false,
  https: { redirectHttp: false },
  loadBalancer: {
    dropInvalidHeaderFields: false,
    deletionProtection: false,
    accessLogs: false,
    unmatchedRequests: "ok",
    egress: "anywhere",
  },
  describeSecurityGroupRules: false,
  closeDefaultSecurityGroup: false,
};

/**
 * Safe where it costs nothing, against the anchors' risky defaults: only the load balancer reaches
 * the tasks; logs kept 30 days (AWS CDK keeps them forever); the circuit breaker rolls a failing
 * deployment back (off in AWS CDK and terraform-aws-modules/ecs); healthy percents 100/200 (AWS CDK
 * takes 50 %); a grace period for slow starts; 30 s of draining instead of 300; Container Insights;
 * TLS 1.3 and 1.2 only with post-quantum key exchange (AWS's console default), every plain-HTTP request redirected (off in AWS CDK); 404 for what no rule
 * matches; invalid headers dropped, deletion protection, access logs; the load balancer's egress kept
 * to the VPC, every security group rule described, the VPC's default security group closed; the
 * cluster's capacity providers even without Spot, so that Spot changes never replace the service;
 * alarms on what users feel, which roll a deployment back and notify the environment's topic.
 */
const RECOMMENDED_DEFAULTS: ModeDefaults = {
  serviceIngress: "alb-security-group",
  propagateTags: true,
  logs: { enabled: true, retentionDays: 30 },
  deployment: {
    circuitBreaker: true,
    minimumHealthyPercent: 100,
    maximumPercent: 200,
    healthCheckGracePeriodSeconds: 60,
    deregistrationDelaySeconds: 30,
  },
  containerInsights: "enabled",
  useCapacityProviders: true,
  alarms: true,
  taskRole: true,
  https: { tlsPolicy: RECOMMENDED_TLS_POLICY, redirectHttp: true },
  loadBalancer: {
    dropInvalidHeaderFields: true,
    deletionProtection: true,
    accessLogs: true,
    unmatchedRequests: "not-found",
    egress: "vpc",
  },
  describeSecurityGroupRules: true,
  closeDefaultSecurityGroup: true,
};

export const MODE_DEFAULTS: Readonly<Record<DefaultsMode, ModeDefaults>> = {
  tutorial: TUTORIAL_DEFAULTS,
  recommended: RECOMMENDED_DEFAULTS,
};

/** Defaults that are the same in both modes, for features the tutorial does not have. */
export const FEATURE_DEFAULTS = {
  defaults: "tutorial",
  spotPercent: 0,
  onDemandBase: 1,
  scaleInCooldownSeconds: 300,
  scaleOutCooldownSeconds: 60,
  accessLogsRetentionDays: 90,
  waf: false,
  flowLogs: false,
  imageDeployedBy: "apply",
  alarms: { targetErrorsPerMinute: 10, responseTimeSeconds: 2, unhealthyTargets: 1, evaluationMinutes: 3, rollbackDeployments: true },
  githubDeployRoles: { infrastructureEnvironment: "infrastructure", releaseBranch: "main" },
  kind: "web",
  queue: { visibilityTimeoutSeconds: 60, maxReceiveCount: 5, retentionDays: 4, deadLetterRetentionDays: 14 },
  schedule: { retries: 2, maxRunMinutes: 60, expectedRunMinutes: 5 },
  quietHoursCount: 0,
} as const;
