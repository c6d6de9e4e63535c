import type {
  AutoscalingSettings,
  ContainerHealthCheckSettings,
  ContainerInsights,
  CpuArchitecture,
  DefaultsMode,
  ExistingInfrastructure,
  FargateCpu,
  HealthCheckSettings,
  ImageDeployment,
  LoadBalancerEgress,
  LogRetentionDays,
  NatGatewayMode,
  PolicyStatementSettings,
  ServiceIngress,
  ServiceKind,
  UnmatchedRequests,
} from "./settings";

/** A service's settings with every default applied: what the constructs build from and the rules judge. */
export interface ResolvedServiceSettings {
  readonly defaults: DefaultsMode;
  readonly kind: ServiceKind;
  readonly name: string;
  readonly addressPrefix?: string;
  readonly vpcCidr: string;
  readonly azs: readonly string[];
  readonly publicSubnetCidrs: readonly string[];
  readonly privateSubnetCidrs: readonly string[];
  readonly natGateways: NatGatewayMode;
  readonly image: string;
  readonly containerName: string;
  readonly containerPort: number;
  readonly cpu: FargateCpu;
  readonly memory: number;
  readonly desiredCount: number;
  readonly environment: Readonly<Record<string, string>>;
  /** Fields left unset keep AWS's defaults and are not written, as in the tutorial. */
  readonly healthCheck: HealthCheckSettings & { readonly path: string; readonly port: number };
  /** No path patterns when only host names are matched. */
  readonly listenerRule: { readonly pathPatterns: readonly string[]; readonly hostHeaders: readonly string[]; readonly priority?: number };
  readonly serviceIngress: ServiceIngress;
  readonly tags: Readonly<Record<string, string>>;
  readonly propagateTags: boolean;
  readonly logs: { readonly enabled: boolean; readonly retentionDays: LogRetentionDays };
  readonly secrets: Readonly<Record<string, string>>;
  readonly secretsKmsKeyArns: readonly string[];
  readonly taskRolePolicyStatements: readonly PolicyStatementSettings[];
  /** Whether the service has a task role: under the recommended defaults, or when something needs one. */
  readonly taskRole: boolean;
  /** Fields left unset keep ECS's defaults and are not written. */
  readonly deployment: {
    readonly circuitBreaker: boolean;
    readonly minimumHealthyPercent?: number;
    readonly maximumPercent?: number;
    readonly healthCheckGracePeriodSeconds?: number;
    readonly deregistrationDelaySeconds?: number;
    readonly stopTimeoutSeconds?: number;
    readonly waitForSteadyState: boolean;
  };
  readonly autoscaling?: AutoscalingSettings & { readonly scaleInCooldownSeconds: number; readonly scaleOutCooldownSeconds: number };
  /** `cpuArchitecture` is unset unless given: the tutorial writes no runtime platform. */
  readonly capacity: {
    readonly cpuArchitecture?: CpuArchitecture;
    readonly spotPercent: number;
    /** Whether the service runs on capacity providers: with Spot, or when asked (never on a cluster that exists already unless asked). */
    readonly useCapacityProviders: boolean;
    readonly onDemandBase: number;
  };
  readonly enableExecuteCommand: boolean;
  readonly containerInsights?: ContainerInsights;
  readonly containerHealthCheck?: ContainerHealthCheckSettings;
  readonly readonlyRootFilesystem: boolean;
  readonly writablePaths: readonly string[];
  /** `tlsPolicy` is unset when ELB's default applies (not written). */
  readonly https?: {
    readonly domain: string;
    readonly aliases: readonly string[];
    readonly hostedZone: string;
    readonly tlsPolicy?: string;
    readonly redirectHttp: boolean;
  };
  /** Whether the stack is written for changes on a live stack: replacements new-first, features turned off set back to AWS's defaults. */
  readonly safeChanges: boolean;
  readonly loadBalancer: {
    readonly dropInvalidHeaderFields: boolean;
    readonly deletionProtection: boolean;
    readonly accessLogs: boolean;
    readonly accessLogsRetentionDays: number;
    readonly waf: boolean;
    readonly unmatchedRequests: UnmatchedRequests;
    readonly egress: LoadBalancerEgress;
  };
  readonly describeSecurityGroupRules: boolean;
  readonly closeDefaultSecurityGroup: boolean;
  readonly flowLogs: boolean;
  /** What exists already and is looked up: each part unset is created. */
  readonly existing: ExistingInfrastructure;
  readonly imageDeployedBy: ImageDeployment;
  readonly alarms: {
    readonly enabled: boolean;
    readonly targetErrorsPerMinute: number;
    readonly responseTimeSeconds: number;
    readonly unhealthyTargets: number;
    readonly evaluationMinutes: number;
    readonly rollbackDeployments: boolean;
  };
  readonly notifications: { readonly emails: readonly string[]; readonly httpsEndpoints: readonly string[] };
  /** An internal service's name and port for the platform's other services; unset for the other kinds. */
  readonly serviceConnect?: { readonly name: string; readonly port: number };
  /** A worker's queue; unset for the other kinds unless given (which the rules refuse). */
  readonly queue?: {
    readonly visibilityTimeoutSeconds: number;
    readonly maxReceiveCount: number;
    readonly retentionDays: number;
    readonly deadLetterRetentionDays: number;
    readonly subscribeTo: readonly string[];
  };
  /** A job's schedule; unset for the other kinds. */
  readonly schedule?: {
    readonly expression: string;
    readonly timezone: string;
    readonly retries: number;
    readonly maxRunMinutes: number;
    readonly expectedRunMinutes: number;
  };
  /** Unset unless the file asks for quiet hours. */
  readonly quietHours?: { readonly timezone: string; readonly start: string; readonly end: string; readonly count: number };
  /** Unset unless the file asks for the roles. */
  readonly githubDeployRoles?: {
    readonly repository: string;
    readonly infrastructureEnvironment: string;
    readonly releaseBranch: string;
    readonly oidcProviderArn?: string;
  };
}
