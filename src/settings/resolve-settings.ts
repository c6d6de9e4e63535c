import { Token } from "cdktf";
import schemaDocument from "../../config/settings.schema.json";
import { FEATURE_DEFAULTS, MODE_DEFAULTS } from "./defaults";
import { environmentServices, misplacedServiceSettings, SERVICE_FIELDS } from "./environment-services";
import { type Problem, type SettingsSource, throwIfAny } from "./problems";
import type { ResolvedServiceSettings } from "./resolved-settings";
import { checkRules } from "./rules";
import type { RuleContext, Usable } from "./rules/rule";
import { checkSchema, type JsonSchema } from "./schema-check";
import { checkServices } from "./service-rules";
import type {
  AlarmSettings,
  CapacitySettings,
  DeploymentSettings,
  EnvironmentSettings,
  ExistingInfrastructure,
  FargateWebServiceProps,
  HealthCheckSettings,
  ListenerRuleSettings,
  LoadBalancerSettings,
  LogSettings,
  NotificationSettings,
  PolicyChecksMode,
  QueueSettings,
  ServiceConnectSettings,
} from "./settings";
import { TUTORIAL } from "./tutorial";

const SCHEMA = schemaDocument as JsonSchema;

/** Validates a service's props and applies the defaults; `region` is the stack's, for the zone checks. */
export function resolveServiceSettings(
  props: FargateWebServiceProps,
  where: SettingsSource,
  region: string | undefined,
): ResolvedServiceSettings {
  const structural = checkSchema(props, SCHEMA.definitions!.FargateWebServiceProps, SCHEMA);
  const { resolved, problems } = serviceRules(props, structural, region);
  throwIfAny(where, [...structural, ...problems]);
  return resolved;
}

/**
 * Validates the whole of an environment file (its services, region and backend) at once: each
 * service with the shared settings, and the services against each other.
 */
export function validateEnvironment(file: unknown, where: SettingsSource): EnvironmentSettings {
  const structural = checkSchema(file, SCHEMA, SCHEMA);
  if (typeof file !== "object" || file === null || Array.isArray(file)) throwIfAny(where, structural);
  const settings = file as EnvironmentSettings;
  const region = isBad(structural, "region") ? undefined : (settings.region ?? TUTORIAL.region);
  if (settings.services === undefined || structural.some((problem) => problem.path === "services")) {
    const { resolved, problems } = serviceRules(settings, structural, region, settings);
    // One service is a platform of one: the rules across services hold for it too (it must be a web service).
    const across = checkServices([{ label: "", settings: resolved }]).map(({ path, rule, value }) => ({ path, rule, value }));
    throwIfAny(where, [...structural, ...problems, ...across]);
    return settings;
  }
  const platformName = isBad(structural, "name") ? TUTORIAL.name : (settings.name ?? TUTORIAL.name);
  const services = environmentServices(settings, platformName).map(({ field, props }, index) => {
    const own = `${field}.`;
    // The service's own settings are checked where the file has them; the shared ones at the top.
    const structuralHere = structural.flatMap((problem) =>
      problem.path.startsWith(own)
        ? [{ ...problem, path: problem.path.slice(own.length) }]
        : problem.path.startsWith("services")
          ? []
          : [problem],
    );
    const { resolved, problems } = serviceRules(props, structuralHere, region, settings);
    // A service's own setting is named under its id; so is the name of a service after the first, which its id makes.
    const located = problems.map((problem) =>
      SERVICE_FIELDS.has(problem.path.split(/[.[]/)[0])
        ? { ...problem, path: `${own}${problem.path}` }
        : index > 0 && problem.path === "name"
          ? { ...problem, path: field! }
          : problem,
    );
    return { label: field!, settings: resolved, problems: located };
  });
  const across = checkServices(services).map(({ service, path, rule, value }) => ({
    path: path ? `${services[service].label}.${path}` : services[service].label,
    rule,
    value,
  }));
  const problems = [...structural, ...misplacedServiceSettings(settings), ...services.flatMap((service) => service.problems), ...across];
  // A shared setting's problem is found with every service: it is listed once.
  const seen = new Set<string>();
  throwIfAny(
    where,
    problems.filter((problem) => {
      const key = `${problem.path}\n${problem.rule}`;
      return !seen.has(key) && seen.add(key) !== undefined;
    }),
  );
  return settings;
}

/** Whether the policy checks' errors stop the synth: as the file says, else under the recommended defaults only. */
export function policyChecksMode(settings: EnvironmentSettings): PolicyChecksMode {
  return settings.policyChecks ?? (settings.defaults === "recommended" ? "enforce" : "report");
}

function serviceRules(props: FargateWebServiceProps, structural: Problem[], region: string | undefined, environment?: EnvironmentSettings) {
  const { resolved, context } = prepareSettings(props, region, structural);
  return { resolved, problems: checkRules(resolved, { ...context, environment }) };
}

/**
 * The props with every default applied, and what the rules need to judge them: which settings
 * are usable (well-formed per the schema's `structural` problems, and not tokens) and the region.
 */
export function prepareSettings(
  props: FargateWebServiceProps,
  region: string | undefined,
  structural: readonly Problem[] = checkSchema(props, SCHEMA.definitions!.FargateWebServiceProps, SCHEMA),
): { resolved: ResolvedServiceSettings; context: RuleContext } {
  const bad = (path: string) => isBad(structural, path);
  const usable: Usable = (...paths) => paths.every((path) => !bad(path) && !containsToken(valueAt(props, path)));
  const resolved = applyDefaults(props, bad, (path) => structural.some((problem) => problem.path === path));
  return { resolved, context: { usable, region } };
}

/**
 * The defaults, in one place: the tutorial's, or the recommended ones when `defaults` says so. A
 * setting the schema rejected is replaced by its default here (the rules skip it); a group such as
 * healthCheck is kept unless it is not an object at all.
 */
function applyDefaults(
  p: FargateWebServiceProps,
  bad: (path: string) => boolean,
  badGroup: (path: string) => boolean,
): ResolvedServiceSettings {
  const resolved = applyServiceDefaults(p, bad, badGroup);
  const safeChanges = (bad("safeChanges") ? undefined : p.safeChanges) ?? !isTutorialAsWritten(resolved);
  // A target group replaced the new one first must outlive the rollout that moves the tasks off it.
  const waitForSteadyState =
    (badGroup("deployment") || bad("deployment.waitForSteadyState") ? undefined : p.deployment?.waitForSteadyState) ?? safeChanges;
  return { ...resolved, safeChanges, deployment: { ...resolved.deployment, waitForSteadyState } };
}

let tutorial: string | undefined;

/**
 * Whether the service is the tutorial as written, its HTTPS chapter included: then it is written
 * as the tutorial's HCL, whose replacements destroy the old resource first.
 */
function isTutorialAsWritten(resolved: Omit<ResolvedServiceSettings, "safeChanges">): boolean {
  tutorial ??= JSON.stringify(
    applyServiceDefaults(
      {},
      () => false,
      () => false,
    ),
  );
  const { https, ...rest } = resolved;
  const chapter =
    !https ||
    JSON.stringify(https) === JSON.stringify({ domain: https.domain, aliases: [], hostedZone: https.domain, redirectHttp: false });
  return chapter && JSON.stringify(rest) === tutorial;
}

function applyServiceDefaults(
  p: FargateWebServiceProps,
  bad: (path: string) => boolean,
  badGroup: (path: string) => boolean,
): Omit<ResolvedServiceSettings, "safeChanges"> {
  const good = <T>(path: string, value: T | undefined): T | undefined => (bad(path) ? undefined : value);
  const group = <T extends object>(path: keyof FargateWebServiceProps): Partial<T> =>
    ((!badGroup(path) && (p[path] as T | undefined)) || {}) as Partial<T>;
  const defaults = good("defaults", p.defaults) ?? FEATURE_DEFAULTS.defaults;
  const mode = MODE_DEFAULTS[defaults];
  const healthCheck = group<HealthCheckSettings>("healthCheck");
  const listenerRule = group<ListenerRuleSettings>("listenerRule");
  const logs = group<LogSettings>("logs");
  const deployment = group<DeploymentSettings>("deployment");
  const capacity = group<CapacitySettings>("capacity");
  const https = badGroup("https") ? undefined : p.https;
  const loadBalancer = group<LoadBalancerSettings>("loadBalancer");
  const autoscaling = badGroup("autoscaling") ? undefined : p.autoscaling;
  const containerPort = good("containerPort", p.containerPort) ?? TUTORIAL.containerPort;
  const hostHeaders = good("listenerRule.hostHeaders", listenerRule.hostHeaders) ?? [];
  const existing = group<ExistingInfrastructure>("existing");
  const taskRolePolicyStatements = good("taskRolePolicyStatements", p.taskRolePolicyStatements) ?? [];
  const enableExecuteCommand = good("enableExecuteCommand", p.enableExecuteCommand) ?? false;
  const alarms = group<AlarmSettings>("alarms");
  const notifications = group<NotificationSettings>("notifications");
  const github = badGroup("githubDeployRoles") ? undefined : p.githubDeployRoles;
  const alarmDefaults = FEATURE_DEFAULTS.alarms;
  const kind = good("kind", p.kind) ?? FEATURE_DEFAULTS.kind;
  const serviceConnect = group<ServiceConnectSettings>("serviceConnect");
  const queue = group<QueueSettings>("queue");
  const schedule = badGroup("schedule") ? undefined : p.schedule;
  const quietHours = badGroup("quietHours") ? undefined : p.quietHours;
  return {
    defaults,
    kind,
    name: good("name", p.name) ?? TUTORIAL.name,
    addressPrefix: good("addressPrefix", p.addressPrefix),
    vpcCidr: good("vpcCidr", p.vpcCidr) ?? TUTORIAL.vpcCidr,
    azs: good("azs", p.azs) ?? TUTORIAL.azs,
    publicSubnetCidrs: good("publicSubnetCidrs", p.publicSubnetCidrs) ?? TUTORIAL.publicSubnetCidrs,
    privateSubnetCidrs: good("privateSubnetCidrs", p.privateSubnetCidrs) ?? TUTORIAL.privateSubnetCidrs,
    natGateways: good("natGateways", p.natGateways) ?? TUTORIAL.natGateways,
    image: good("image", p.image) ?? TUTORIAL.image,
    containerName: good("containerName", p.containerName) ?? TUTORIAL.containerName,
    containerPort,
    cpu: good("cpu", p.cpu) ?? TUTORIAL.cpu,
    memory: good("memory", p.memory) ?? TUTORIAL.memory,
    // With autoscaling, the first count is its minimum unless given: the tutorial's 1 may lie below it.
    desiredCount:
      good("desiredCount", p.desiredCount) ?? (autoscaling && good("autoscaling.minCount", autoscaling.minCount)) ?? TUTORIAL.desiredCount,
    environment: good("environment", p.environment) ?? TUTORIAL.environment,
    healthCheck: {
      ...healthCheck,
      path: good("healthCheck.path", healthCheck.path) ?? TUTORIAL.healthCheckPath,
      port: good("healthCheck.port", healthCheck.port) ?? containerPort,
    },
    listenerRule: {
      pathPatterns: good("listenerRule.pathPatterns", listenerRule.pathPatterns) ?? (hostHeaders.length ? [] : TUTORIAL.pathPatterns),
      hostHeaders,
      priority: good("listenerRule.priority", listenerRule.priority),
    },
    serviceIngress: good("serviceIngress", p.serviceIngress) ?? mode.serviceIngress,
    tags: good("tags", p.tags) ?? TUTORIAL.tags,
    propagateTags: good("propagateTags", p.propagateTags) ?? mode.propagateTags,
    logs: {
      enabled: good("logs.enabled", logs.enabled) ?? mode.logs.enabled,
      retentionDays: good("logs.retentionDays", logs.retentionDays) ?? mode.logs.retentionDays,
    },
    secrets: good("secrets", p.secrets) ?? {},
    secretsKmsKeyArns: good("secretsKmsKeyArns", p.secretsKmsKeyArns) ?? [],
    taskRolePolicyStatements,
    taskRole: mode.taskRole || taskRolePolicyStatements.length > 0 || enableExecuteCommand,
    deployment: {
      circuitBreaker: good("deployment.circuitBreaker", deployment.circuitBreaker) ?? mode.deployment.circuitBreaker,
      minimumHealthyPercent:
        good("deployment.minimumHealthyPercent", deployment.minimumHealthyPercent) ?? mode.deployment.minimumHealthyPercent,
      maximumPercent: good("deployment.maximumPercent", deployment.maximumPercent) ?? mode.deployment.maximumPercent,
      healthCheckGracePeriodSeconds:
        good("deployment.healthCheckGracePeriodSeconds", deployment.healthCheckGracePeriodSeconds) ??
        mode.deployment.healthCheckGracePeriodSeconds,
      deregistrationDelaySeconds:
        good("deployment.deregistrationDelaySeconds", deployment.deregistrationDelaySeconds) ?? mode.deployment.deregistrationDelaySeconds,
      stopTimeoutSeconds: good("deployment.stopTimeoutSeconds", deployment.stopTimeoutSeconds),
      waitForSteadyState: good("deployment.waitForSteadyState", deployment.waitForSteadyState) ?? false,
    },
    autoscaling: autoscaling && {
      ...autoscaling,
      scaleInCooldownSeconds:
        good("autoscaling.scaleInCooldownSeconds", autoscaling.scaleInCooldownSeconds) ?? FEATURE_DEFAULTS.scaleInCooldownSeconds,
      scaleOutCooldownSeconds:
        good("autoscaling.scaleOutCooldownSeconds", autoscaling.scaleOutCooldownSeconds) ?? FEATURE_DEFAULTS.scaleOutCooldownSeconds,
    },
    capacity: {
      cpuArchitecture: good("capacity.cpuArchitecture", capacity.cpuArchitecture),
      spotPercent: good("capacity.spotPercent", capacity.spotPercent) ?? FEATURE_DEFAULTS.spotPercent,
      // A cluster that exists already keeps its own capacity providers: the recommended default steps aside there.
      useCapacityProviders:
        good("capacity.useCapacityProviders", capacity.useCapacityProviders) ?? (mode.useCapacityProviders && !existing.clusterName),
      onDemandBase: good("capacity.onDemandBase", capacity.onDemandBase) ?? FEATURE_DEFAULTS.onDemandBase,
    },
    enableExecuteCommand,
    containerInsights: good("containerInsights", p.containerInsights) ?? mode.containerInsights,
    containerHealthCheck: badGroup("containerHealthCheck") ? undefined : p.containerHealthCheck,
    readonlyRootFilesystem: good("readonlyRootFilesystem", p.readonlyRootFilesystem) ?? false,
    writablePaths: good("writablePaths", p.writablePaths) ?? [],
    https: https && {
      domain: https.domain,
      aliases: good("https.aliases", https.aliases) ?? [],
      hostedZone: good("https.hostedZone", https.hostedZone) ?? https.domain,
      tlsPolicy: good("https.tlsPolicy", https.tlsPolicy) ?? mode.https.tlsPolicy,
      redirectHttp: good("https.redirectHttp", https.redirectHttp) ?? mode.https.redirectHttp,
    },
    loadBalancer: {
      dropInvalidHeaderFields:
        good("loadBalancer.dropInvalidHeaderFields", loadBalancer.dropInvalidHeaderFields) ?? mode.loadBalancer.dropInvalidHeaderFields,
      deletionProtection: good("loadBalancer.deletionProtection", loadBalancer.deletionProtection) ?? mode.loadBalancer.deletionProtection,
      accessLogs: good("loadBalancer.accessLogs", loadBalancer.accessLogs) ?? mode.loadBalancer.accessLogs,
      accessLogsRetentionDays:
        good("loadBalancer.accessLogsRetentionDays", loadBalancer.accessLogsRetentionDays) ?? FEATURE_DEFAULTS.accessLogsRetentionDays,
      waf: good("loadBalancer.waf", loadBalancer.waf) ?? FEATURE_DEFAULTS.waf,
      unmatchedRequests: good("loadBalancer.unmatchedRequests", loadBalancer.unmatchedRequests) ?? mode.loadBalancer.unmatchedRequests,
      egress: good("loadBalancer.egress", loadBalancer.egress) ?? mode.loadBalancer.egress,
    },
    describeSecurityGroupRules: good("describeSecurityGroupRules", p.describeSecurityGroupRules) ?? mode.describeSecurityGroupRules,
    closeDefaultSecurityGroup: good("closeDefaultSecurityGroup", p.closeDefaultSecurityGroup) ?? mode.closeDefaultSecurityGroup,
    flowLogs: good("flowLogs", p.flowLogs) ?? FEATURE_DEFAULTS.flowLogs,
    existing: {
      vpc: good("existing.vpc", existing.vpc),
      clusterName: good("existing.clusterName", existing.clusterName),
      listenerArn: good("existing.listenerArn", existing.listenerArn),
    },
    imageDeployedBy: good("imageDeployedBy", p.imageDeployedBy) ?? FEATURE_DEFAULTS.imageDeployedBy,
    alarms: {
      // The alarms watch what the load balancer sees of a service: only a web service has it.
      enabled: good("alarms.enabled", alarms.enabled) ?? (kind === "web" && mode.alarms),
      targetErrorsPerMinute: good("alarms.targetErrorsPerMinute", alarms.targetErrorsPerMinute) ?? alarmDefaults.targetErrorsPerMinute,
      responseTimeSeconds: good("alarms.responseTimeSeconds", alarms.responseTimeSeconds) ?? alarmDefaults.responseTimeSeconds,
      unhealthyTargets: good("alarms.unhealthyTargets", alarms.unhealthyTargets) ?? alarmDefaults.unhealthyTargets,
      evaluationMinutes: good("alarms.evaluationMinutes", alarms.evaluationMinutes) ?? alarmDefaults.evaluationMinutes,
      rollbackDeployments: good("alarms.rollbackDeployments", alarms.rollbackDeployments) ?? alarmDefaults.rollbackDeployments,
    },
    notifications: {
      emails: good("notifications.emails", notifications.emails) ?? [],
      httpsEndpoints: good("notifications.httpsEndpoints", notifications.httpsEndpoints) ?? [],
    },
    serviceConnect:
      kind === "internal"
        ? {
            name: good("serviceConnect.name", serviceConnect.name) ?? good("name", p.name) ?? TUTORIAL.name,
            port: good("serviceConnect.port", serviceConnect.port) ?? containerPort,
          }
        : undefined,
    // Kept when given to another kind too, so that the rules can refuse it there.
    queue:
      kind === "worker" || p.queue !== undefined
        ? {
            visibilityTimeoutSeconds:
              good("queue.visibilityTimeoutSeconds", queue.visibilityTimeoutSeconds) ?? FEATURE_DEFAULTS.queue.visibilityTimeoutSeconds,
            maxReceiveCount: good("queue.maxReceiveCount", queue.maxReceiveCount) ?? FEATURE_DEFAULTS.queue.maxReceiveCount,
            retentionDays: good("queue.retentionDays", queue.retentionDays) ?? FEATURE_DEFAULTS.queue.retentionDays,
            deadLetterRetentionDays: FEATURE_DEFAULTS.queue.deadLetterRetentionDays,
            subscribeTo: good("queue.subscribeTo", queue.subscribeTo) ?? [],
          }
        : undefined,
    schedule: schedule && {
      expression: schedule.expression,
      timezone: schedule.timezone,
      retries: good("schedule.retries", schedule.retries) ?? FEATURE_DEFAULTS.schedule.retries,
      maxRunMinutes: good("schedule.maxRunMinutes", schedule.maxRunMinutes) ?? FEATURE_DEFAULTS.schedule.maxRunMinutes,
      expectedRunMinutes: good("schedule.expectedRunMinutes", schedule.expectedRunMinutes) ?? FEATURE_DEFAULTS.schedule.expectedRunMinutes,
    },
    quietHours: quietHours && {
      timezone: quietHours.timezone,
      start: quietHours.start,
      end: quietHours.end,
      count: good("quietHours.count", quietHours.count) ?? FEATURE_DEFAULTS.quietHoursCount,
    },
    githubDeployRoles: github && {
      repository: github.repository,
      infrastructureEnvironment:
        good("githubDeployRoles.infrastructureEnvironment", github.infrastructureEnvironment) ??
        FEATURE_DEFAULTS.githubDeployRoles.infrastructureEnvironment,
      releaseBranch: good("githubDeployRoles.releaseBranch", github.releaseBranch) ?? FEATURE_DEFAULTS.githubDeployRoles.releaseBranch,
      oidcProviderArn: good("githubDeployRoles.oidcProviderArn", github.oidcProviderArn),
    },
  };
}

/** Whether the schema found a problem at this path, inside it, or in a setting that contains it. */
function isBad(problems: readonly Problem[], path: string): boolean {
  const within = (inner: string, outer: string) => inner.startsWith(`${outer}.`) || inner.startsWith(`${outer}[`);
  return problems.some((problem) => problem.path === path || within(problem.path, path) || within(path, problem.path));
}

function valueAt(value: unknown, path: string): unknown {
  return path
    .split(".")
    .reduce<unknown>((at, key) => (at && typeof at === "object" ? (at as Record<string, unknown>)[key] : undefined), value);
}

function containsToken(value: unknown): boolean {
  if (Token.isUnresolved(value)) return true;
  if (Array.isArray(value)) return value.some(containsToken);
  if (value && typeof value === "object") return Object.values(value).some(containsToken);
  return false;
}
