import { Token } from "cdktf";
import schemaDocument from "../config/settings.schema.json";
import { checkRules, Usable } from "./rules";
import { checkSchema, JsonSchema, Problem, show } from "./schema-check";
import type {
  EnvironmentSettings,
  FargateCpu,
  FargateWebServiceProps,
  HealthCheckSettings,
  NatGatewayMode,
  ServiceIngress,
} from "./settings";
import { TUTORIAL } from "./tutorial";

const SCHEMA = schemaDocument as JsonSchema;

/** A service's settings with every default applied: what the constructs build from. */
export interface ResolvedServiceSettings {
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
  readonly listenerRule: { readonly pathPatterns: readonly string[]; readonly priority?: number };
  readonly serviceIngress: ServiceIngress;
  readonly tags: Readonly<Record<string, string>>;
}

/** Settings that AWS would refuse, or that contradict each other: every problem, one per line. */
export class SettingsError extends Error {
  constructor(public readonly problems: readonly string[]) {
    super(problems.join("\n"));
    this.name = "SettingsError";
  }
}

/** Where settings come from, for messages: `config/production.json: memory: …` or `app/api.memory: …`. */
export interface SettingsSource {
  readonly name: string;
  readonly separator: ": " | ".";
}

export const fileSource = (file: string): SettingsSource => ({ name: file, separator: ": " });
export const constructSource = (path: string): SettingsSource => ({ name: path, separator: "." });

/** Validates a service's props and applies the defaults; `region` is the stack's, for the zone checks. */
export function resolveServiceSettings(props: FargateWebServiceProps, where: SettingsSource, region: string | undefined): ResolvedServiceSettings {
  const structural = checkSchema(props, SCHEMA.definitions!.FargateWebServiceProps, SCHEMA);
  const { resolved, problems } = serviceRules(props, structural, region);
  throwIfAny(where, [...structural, ...problems]);
  return resolved;
}

/** Validates the whole of an environment file (its service, region and backend) at once. */
export function validateEnvironment(file: unknown, where: SettingsSource): EnvironmentSettings {
  const structural = checkSchema(file, SCHEMA, SCHEMA);
  if (typeof file !== "object" || file === null || Array.isArray(file)) throwIfAny(where, structural);
  const settings = file as EnvironmentSettings;
  const region = isBad(structural, "region") ? undefined : (settings.region ?? TUTORIAL.region);
  throwIfAny(where, [...structural, ...serviceRules(settings, structural, region).problems]);
  return settings;
}

function serviceRules(props: FargateWebServiceProps, structural: Problem[], region: string | undefined) {
  const bad = (path: string) => isBad(structural, path);
  const usable: Usable = (...paths) => paths.every((path) => !bad(path) && !containsToken(valueAt(props, path)));
  const resolved = applyDefaults(props, bad, (path) => structural.some((problem) => problem.path === path));
  return { resolved, problems: checkRules(resolved, usable, region) };
}

/**
 * The defaults, in one place. A setting the schema rejected is replaced by its default here (the
 * rules skip it); a group such as healthCheck is kept unless it is not an object at all.
 */
function applyDefaults(
  p: FargateWebServiceProps,
  bad: (path: string) => boolean,
  badGroup: (path: string) => boolean,
): ResolvedServiceSettings {
  const good = <T>(path: string, value: T | undefined): T | undefined => (bad(path) ? undefined : value);
  const healthCheck = (!badGroup("healthCheck") && p.healthCheck) || {};
  const listenerRule = (!badGroup("listenerRule") && p.listenerRule) || {};
  const containerPort = good("containerPort", p.containerPort) ?? TUTORIAL.containerPort;
  return {
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
    desiredCount: good("desiredCount", p.desiredCount) ?? TUTORIAL.desiredCount,
    environment: good("environment", p.environment) ?? TUTORIAL.environment,
    healthCheck: {
      ...healthCheck,
      path: good("healthCheck.path", healthCheck.path) ?? TUTORIAL.healthCheckPath,
      port: good("healthCheck.port", healthCheck.port) ?? containerPort,
    },
    listenerRule: {
      pathPatterns: good("listenerRule.pathPatterns", listenerRule.pathPatterns) ?? TUTORIAL.pathPatterns,
      priority: good("listenerRule.priority", listenerRule.priority),
    },
    serviceIngress: good("serviceIngress", p.serviceIngress) ?? TUTORIAL.serviceIngress,
    tags: good("tags", p.tags) ?? TUTORIAL.tags,
  };
}

function throwIfAny(where: SettingsSource, problems: Problem[]): void {
  if (!problems.length) return;
  const field = (path: string) => (path ? `${where.name}${where.separator}${path}` : where.name);
  throw new SettingsError(problems.map((problem) => `${field(problem.path)}: ${problem.rule}; received ${show(problem.value)}`));
}

/** Whether the schema found a problem at this path, inside it, or in a setting that contains it. */
function isBad(problems: Problem[], path: string): boolean {
  const within = (inner: string, outer: string) => inner.startsWith(`${outer}.`) || inner.startsWith(`${outer}[`);
  return problems.some((problem) => problem.path === path || within(problem.path, path) || within(path, problem.path));
}

function valueAt(value: unknown, path: string): unknown {
  return path.split(".").reduce<unknown>((at, key) => (at && typeof at === "object" ? (at as Record<string, unknown>)[key] : undefined), value);
}

function containsToken(value: unknown): boolean {
  if (Token.isUnresolved(value)) return true;
  if (Array.isArray(value)) return value.some(containsToken);
  if (value && typeof value === "object") return Object.values(value).some(containsToken);
  return false;
}
