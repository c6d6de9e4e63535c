// `npm run import:copilot`'s work: AWS Copilot manifests, one service each, into one environment
// file, field by field as docs/en/copilot.md maps them. A field with no setting here is named in the
// notes rather than dropped in silence; what cannot be built here is refused, saying why.

import { describeProblem, fileSource } from "../settings/problems";
import type { EnvironmentSettings, ServiceKind } from "../settings/settings";
import { durationSeconds, scheduleExpression } from "./copilot-values";

/** A parsed Copilot manifest and the file it came from. */
export interface CopilotManifest {
  /** The manifest's file, which messages name. */
  readonly source: string;
  /** The manifest as YAML parsed it. */
  readonly document: unknown;
}

/** How manifests are imported. */
export interface ImportOptions {
  /** The environment's `name`; the first service's id unless given. */
  readonly name?: string;
  /** The Copilot environment whose `environments.<env>` overrides apply; none unless given. */
  readonly copilotEnvironment?: string;
}

/** An import: the environment file, what it approximated or left out, and what stops it. */
export interface ImportResult {
  /** The environment file's settings. */
  readonly settings: EnvironmentSettings;
  /** What was approximated or not imported, one line each, naming the manifest. */
  readonly notes: readonly string[];
  /** Why the file cannot be written, one line each, naming the manifest and field; none when it can. */
  readonly problems: readonly string[];
}

type YamlMap = Record<string, unknown>;
type Writable = Record<string, unknown>;

const isMap = (value: unknown): value is YamlMap => typeof value === "object" && value !== null && !Array.isArray(value);

const KINDS: Readonly<Record<string, ServiceKind>> = {
  "Load Balanced Web Service": "web",
  "Backend Service": "internal",
  "Worker Service": "worker",
  "Scheduled Job": "job",
};

const NOT_BUILT: Readonly<Record<string, string>> = {
  "Request-Driven Web Service": "is not built here: App Runner is another service than ECS",
  "Static Site": "is not built here: a static site is S3 and CloudFront, not an ECS service",
};

const SERVICE_ID = /^[a-z][a-z0-9-]{0,19}$/;
const SECRET_ARN = /^arn:aws[a-z-]*:(ssm|secretsmanager):/;

/** The manifest's fields, remembering which were imported so that the others can be named. */
class ManifestFields {
  private readonly taken = new Set<string>();

  constructor(private readonly document: YamlMap) {}

  /** The value at a dotted path, without marking it imported. */
  peek(path: string): unknown {
    return path.split(".").reduce<unknown>((value, key) => (isMap(value) ? value[key] : undefined), this.document);
  }

  /** The value at a dotted path, marked imported (with everything under it). */
  take(path: string): unknown {
    this.taken.add(path);
    return this.peek(path);
  }

  /** The fields nothing took; a map none of whose fields were taken is named whole. */
  untaken(): string[] {
    const walk = (value: unknown, path: string): string[] => {
      if (this.taken.has(path)) return [];
      if (isMap(value) && [...this.taken].some((taken) => taken.startsWith(`${path}.`))) {
        return Object.entries(value).flatMap(([key, child]) => walk(child, `${path}.${key}`));
      }
      return [path];
    };
    return Object.entries(this.document).flatMap(([key, value]) => walk(value, key));
  }
}

/** One manifest's import, in the making. */
interface ServiceImport {
  readonly fields: ManifestFields;
  readonly service: Writable;
  readonly note: (text: string) => void;
  readonly problem: (path: string, rule: string, value: unknown) => void;
}

/** Imports manifests into one environment file: the first a Load Balanced Web Service, each service under its `name`. */
export function importManifests(manifests: readonly CopilotManifest[], options: ImportOptions = {}): ImportResult {
  const notes: string[] = [];
  const problems: string[] = [];
  const services: Record<string, Writable> = {};
  manifests.forEach(({ source, document }, index) => {
    const where = fileSource(source);
    const problem = (path: string, rule: string, value: unknown) => problems.push(describeProblem(where, { path, rule, value }));
    if (!isMap(document)) {
      problem("", "must be a Copilot manifest, a YAML map", document);
      return;
    }
    const fields = new ManifestFields(withOverrides(document, options.copilotEnvironment, (text) => notes.push(`${source}: ${text}`)));
    const type = fields.take("type");
    const kind = typeof type === "string" ? KINDS[type] : undefined;
    if (!kind) {
      const why = typeof type === "string" ? NOT_BUILT[type] : undefined;
      problem("type", why ?? `must be one of ${Object.keys(KINDS).join(", ")}`, type);
      return;
    }
    if (index === 0 && kind !== "web") {
      const web = manifests.find((other) => isMap(other.document) && other.document.type === "Load Balanced Web Service");
      problem(
        "type",
        "the first manifest must be a Load Balanced Web Service: the first service of an environment is a web service, which has the platform's name and addresses" +
          (web ? `; give ${web.source} first` : ""),
        type,
      );
    }
    const name = fields.take("name");
    const id = typeof name === "string" ? name.toLowerCase() : undefined;
    if (!id || !SERVICE_ID.test(id)) {
      problem("name", "must be 1-20 lowercase letters, digits and hyphens, starting with a letter: it is the service's id here", name);
      return;
    }
    if (services[id]) {
      problem("name", "must differ from every other manifest's: it is the service's id here", name);
      return;
    }
    const service: Writable = { kind };
    const one: ServiceImport = { fields, service, note: (text) => notes.push(`${source}: ${text}`), problem };
    importContainer(one, kind);
    if (kind !== "job") importCount(one, kind);
    if (kind === "web") importHttp(one);
    if (kind === "internal") importConnect(one);
    if (kind === "worker") importSubscribe(one);
    if (kind === "job") importJob(one);
    // Every service of a platform is a Service Connect client here, as network.connect made it in Copilot.
    if (kind !== "internal") fields.take("network.connect");
    for (const field of fields.untaken()) one.note(`not imported: ${field}`);
    services[id] = service;
  });
  orderListenerRules(
    Object.values(services).filter((service) => service.kind === "web"),
    (text) => notes.push(text),
  );
  const backlog = Object.values(services).some((service) => isMap(service.autoscaling) && "messagesPerTask" in service.autoscaling);
  if (backlog) {
    notes.push(
      'containerInsights: "enabled", which autoscaling.messagesPerTask needs (Copilot counts the backlog per task with a function of its own)',
    );
  }
  const settings = {
    name: options.name ?? Object.keys(services)[0],
    ...(backlog ? { containerInsights: "enabled" } : {}),
    services,
  } as EnvironmentSettings;
  return { settings, notes, problems };
}

/**
 * The manifest with the overrides of `environments.<env>` merged in, as Copilot merges them (maps
 * field by field, anything else replaced); without an environment the overrides are left, and said so.
 */
function withOverrides(document: YamlMap, environment: string | undefined, note: (text: string) => void): YamlMap {
  const { environments, ...base } = document;
  if (!isMap(environments)) return base;
  if (environment === undefined) {
    note(`environments: not applied (${Object.keys(environments).join(", ")}); give --env <name> to apply one`);
    return base;
  }
  const overrides = environments[environment];
  return isMap(overrides) ? merge(base, overrides) : base;
}

function merge(base: YamlMap, overrides: YamlMap): YamlMap {
  const merged: YamlMap = { ...base };
  for (const [key, value] of Object.entries(overrides)) {
    merged[key] = isMap(merged[key]) && isMap(value) ? merge(merged[key] as YamlMap, value) : value;
  }
  return merged;
}

/** Sets a value at a dotted path of the service, making the maps on the way. */
function put(service: Writable, path: string, value: unknown): void {
  const keys = path.split(".");
  const parent = keys.slice(0, -1).reduce<Writable>((map, key) => {
    if (!isMap(map[key])) map[key] = {};
    return map[key] as Writable;
  }, service);
  parent[keys[keys.length - 1]] = value;
}

/** Whole seconds of a duration field, rounded up (and said so), or a problem. */
function seconds({ fields, note, problem }: ServiceImport, path: string): number | undefined {
  const text = fields.take(path);
  if (text === undefined) return undefined;
  const exact = durationSeconds(text);
  if (exact === undefined) {
    problem(path, "must be a duration such as 30s, 15m or 1h", text);
    return undefined;
  }
  const whole = Math.ceil(exact);
  if (whole !== exact) note(`${path}: ${text} rounded up to ${whole} seconds`);
  return whole;
}

/** Copies a field as it is, when the manifest has it. */
function copy({ fields, service }: ServiceImport, from: string, to: string): void {
  const value = fields.take(from);
  if (value !== undefined) put(service, to, value);
}

function importContainer(one: ServiceImport, kind: ServiceKind): void {
  const { fields, service, note, problem } = one;
  const build = fields.take("image.build");
  const location = fields.take("image.location");
  if (build !== undefined) problem("image.build", "build the image in your pipeline and give image.location", build);
  else if (typeof location === "string") service.image = location;
  else problem("image.location", "must be the image to run, such as 123456789012.dkr.ecr.ap-northeast-1.amazonaws.com/app:1.0", location);
  if (kind !== "worker" && kind !== "job") copy(one, "image.port", "containerPort");
  // Copilot's docs place the container's health check under image; docs/en/copilot.md calls it healthcheck.
  for (const path of ["image.healthcheck", "healthcheck"]) {
    if (isMap(fields.peek(path))) importContainerHealthCheck(one, path);
  }
  copy(one, "cpu", "cpu");
  copy(one, "memory", "memory");
  importPlatform(one);
  const variables = fields.take("variables");
  if (isMap(variables)) {
    const environment: Record<string, string> = {};
    for (const [name, value] of Object.entries(variables)) {
      if (isMap(value) || Array.isArray(value)) note(`not imported: variables.${name} (${JSON.stringify(value)}): give its value`);
      else environment[name] = String(value);
    }
    if (Object.keys(environment).length) service.environment = environment;
  }
  importSecrets(one);
  const exec = fields.take("exec");
  if (exec !== undefined && exec !== false) service.enableExecuteCommand = true;
  const retention = fields.take("logging.retention");
  if (retention !== undefined) service.logs = { enabled: true, retentionDays: retention };
  copy(one, "storage.readonly_fs", "readonlyRootFilesystem");
  const rolling = fields.take("deployment.rolling");
  if (rolling === "recreate") put(service, "deployment.minimumHealthyPercent", 0);
  else if (rolling !== undefined && rolling !== "default") problem("deployment.rolling", 'must be "default" or "recreate"', rolling);
}

function importContainerHealthCheck(one: ServiceImport, path: string): void {
  const { fields, service, problem } = one;
  const command = fields.take(`${path}.command`);
  if (!Array.isArray(command)) {
    problem(`${path}.command`, 'must be the command, such as ["CMD-SHELL", "curl -f http://localhost/ || exit 1"]', command);
    return;
  }
  // Copilot's defaults, which differ from Docker's (30 s, 3 retries): the check keeps its pace.
  service.containerHealthCheck = {
    command: command.map(String),
    intervalSeconds: seconds(one, `${path}.interval`) ?? 10,
    retries: fields.take(`${path}.retries`) ?? 2,
    timeoutSeconds: seconds(one, `${path}.timeout`) ?? 5,
    startPeriodSeconds: seconds(one, `${path}.start_period`) ?? 0,
  };
}

function importPlatform({ fields, service, problem }: ServiceImport): void {
  const platform = fields.take("platform");
  if (platform === undefined) return;
  const [os, architecture] = isMap(platform) ? ["linux", platform.architecture] : String(platform).split("/");
  if (isMap(platform) && !String(platform.osfamily ?? "linux").startsWith("linux")) {
    problem("platform.osfamily", "must be linux: Windows containers are not built here", platform.osfamily);
  } else if (os !== "linux") {
    problem("platform", "must be linux/x86_64 or linux/arm64: Windows containers are not built here", platform);
  } else if (architecture === "arm64") {
    put(service, "capacity.cpuArchitecture", "ARM64");
  } else if (architecture !== "x86_64" && architecture !== "amd64") {
    problem("platform", "must be linux/x86_64 or linux/arm64", platform);
  }
}

function importSecrets({ fields, service, note }: ServiceImport): void {
  const secrets = fields.take("secrets");
  if (!isMap(secrets)) return;
  const arns: Record<string, string> = {};
  for (const [name, value] of Object.entries(secrets)) {
    // A secret is an SSM parameter's name or ARN, or a Secrets Manager secret's under `secretsmanager`.
    const reference = isMap(value) ? value.secretsmanager : value;
    if (typeof reference === "string" && SECRET_ARN.test(reference)) arns[name] = reference;
    else note(`secrets.${name}: ${JSON.stringify(value)} is not an ARN: give the parameter's or secret's ARN in secrets.${name}`);
  }
  if (Object.keys(arns).length) service.secrets = arns;
}

/** A count field's value: the number itself, or the `value` of its map (whose own cooldown is not imported). */
function countValue({ fields }: ServiceImport, path: string): unknown {
  const field = fields.peek(path);
  return isMap(field) ? fields.take(`${path}.value`) : fields.take(path);
}

function importCount(one: ServiceImport, kind: ServiceKind): void {
  const { fields, service, note, problem } = one;
  const count = fields.peek("count");
  if (count === undefined) return;
  if (!isMap(count)) {
    fields.take("count");
    service.desiredCount = count;
    return;
  }
  const spot = fields.take("count.spot");
  if (spot !== undefined) {
    // Copilot runs every task of count.spot on Fargate Spot: no on-demand base.
    service.desiredCount = spot;
    service.capacity = { ...(service.capacity as object), spotPercent: 100, onDemandBase: 0 };
    note(`count.spot: ${spot} tasks, every one on Fargate Spot (capacity.spotPercent 100, capacity.onDemandBase 0)`);
  }
  const range = fields.peek("count.range");
  const autoscaling: Writable = {};
  if (typeof range === "string") {
    fields.take("count.range");
    const bounds = /^(\d+)-(\d+)$/.exec(range.trim());
    if (bounds) Object.assign(autoscaling, { minCount: Number(bounds[1]), maxCount: Number(bounds[2]) });
    else problem("count.range", "must be <min>-<max>, such as 1-10", range);
  } else if (isMap(range)) {
    Object.assign(autoscaling, { minCount: fields.take("count.range.min"), maxCount: fields.take("count.range.max") });
    const spotFrom = fields.take("count.range.spot_from");
    if (typeof spotFrom === "number") {
      // Copilot runs the tasks before spot_from on regular Fargate and the others on Spot; every one on Spot when spot_from is below the minimum.
      const base = spotFrom >= Number(range.min) ? Math.max(spotFrom - 1, 0) : 0;
      service.capacity = { ...(service.capacity as object), spotPercent: 100, onDemandBase: base };
      note(
        `count.range.spot_from: ${base} task${base === 1 ? "" : "s"} on regular Fargate, the others on Fargate Spot (capacity.onDemandBase ${base}, capacity.spotPercent 100)`,
      );
    }
  }
  const targets: Writable = {
    cpuTargetPercent: countValue(one, "count.cpu_percentage"),
    memoryTargetPercent: countValue(one, "count.memory_percentage"),
    ...(kind === "web" ? { requestsPerTarget: countValue(one, "count.requests") } : {}),
  };
  if (kind === "worker" && isMap(fields.peek("count.queue_delay"))) {
    const latency = durationSeconds(fields.take("count.queue_delay.acceptable_latency"));
    const processing = durationSeconds(fields.take("count.queue_delay.msg_processing_time"));
    if (latency === undefined || processing === undefined || processing === 0) {
      problem(
        "count.queue_delay",
        "must give acceptable_latency and msg_processing_time, durations such as 10m and 250ms",
        fields.peek("count.queue_delay"),
      );
    } else {
      const ratio = latency / processing;
      targets.messagesPerTask = Math.ceil(ratio);
      if (targets.messagesPerTask !== ratio) note(`count.queue_delay: ${ratio} messages per task rounded up to ${targets.messagesPerTask}`);
    }
  }
  for (const [key, value] of Object.entries(targets)) if (value !== undefined) autoscaling[key] = value;
  if (Object.keys(autoscaling).length === 0) return;
  if (range === undefined) {
    problem("count.range", "must be given with the count's scaling targets: the fewest and most tasks", undefined);
    return;
  }
  service.autoscaling = autoscaling;
}

function importHttp(one: ServiceImport): void {
  const { fields, service, note, problem } = one;
  const http = fields.peek("http");
  if (http === false) {
    fields.take("http");
    problem(
      "http",
      "must not be false: a web service here is behind the Application Load Balancer (a Network Load Balancer is not built)",
      http,
    );
    return;
  }
  const path = fields.take("http.path");
  if (typeof path === "string") {
    // Copilot forwards a path and everything under it; the root, everything.
    const trimmed = path.replace(/^\/+|\/+$/g, "");
    put(service, "listenerRule.pathPatterns", [trimmed ? `/${trimmed}/*` : "/*"]);
  }
  const alias = fields.take("http.alias");
  if (alias !== undefined) {
    const names = (Array.isArray(alias) ? alias : [alias]).map((entry) => (isMap(entry) ? entry.name : entry));
    put(service, "listenerRule.hostHeaders", names);
    note("http.alias: HTTPS on these names needs https (domain, aliases) in the environment file, with their hosted zone");
  }
  const healthcheck = fields.peek("http.healthcheck");
  if (typeof healthcheck === "string") {
    fields.take("http.healthcheck");
    put(service, "healthCheck.path", healthcheck);
  } else if (isMap(healthcheck)) {
    copy(one, "http.healthcheck.path", "healthCheck.path");
    copy(one, "http.healthcheck.port", "healthCheck.port");
    const codes = fields.take("http.healthcheck.success_codes");
    if (codes !== undefined) put(service, "healthCheck.matcher", String(codes));
    copy(one, "http.healthcheck.healthy_threshold", "healthCheck.healthyThreshold");
    copy(one, "http.healthcheck.unhealthy_threshold", "healthCheck.unhealthyThreshold");
    const interval = seconds(one, "http.healthcheck.interval");
    if (interval !== undefined) put(service, "healthCheck.intervalSeconds", interval);
    const timeout = seconds(one, "http.healthcheck.timeout");
    if (timeout !== undefined) put(service, "healthCheck.timeoutSeconds", timeout);
  }
}

function importConnect({ fields, service }: ServiceImport): void {
  const alias = fields.take("network.connect.alias");
  fields.take("network.connect");
  if (typeof alias === "string") service.serviceConnect = { name: alias };
}

function importSubscribe(one: ServiceImport): void {
  const { fields, service, note } = one;
  const queue: Writable = {};
  const retention = fields.take("subscribe.queue.retention");
  if (retention !== undefined) {
    const exact = durationSeconds(retention);
    if (exact === undefined) one.problem("subscribe.queue.retention", "must be a duration such as 96h or 4d", retention);
    else {
      queue.retentionDays = Math.max(1, Math.ceil(exact / 86400));
      if (queue.retentionDays !== exact / 86400) note(`subscribe.queue.retention: ${retention} rounded up to ${queue.retentionDays} days`);
    }
  }
  const timeout = seconds(one, "subscribe.queue.timeout");
  if (timeout !== undefined) queue.visibilityTimeoutSeconds = timeout;
  const tries = fields.take("subscribe.queue.dead_letter.tries");
  if (tries !== undefined) queue.maxReceiveCount = tries;
  else
    note(
      "subscribe.queue.dead_letter: none in Copilot; here the queue always has a dead-letter queue, after queue.maxReceiveCount receives (5)",
    );
  const topics = fields.take("subscribe.topics");
  if (Array.isArray(topics) && topics.length) {
    note("subscribe.topics: give the topics' ARNs in queue.subscribeTo");
    topics.forEach((topic, index) => {
      for (const key of Object.keys(isMap(topic) ? topic : {})) {
        if (key !== "name" && key !== "service") note(`not imported: subscribe.topics[${index}].${key}`);
      }
    });
  }
  // Copilot names topics by their service, not by ARN: the list is left for the reader to fill.
  queue.subscribeTo = [];
  service.queue = queue;
}

function importJob(one: ServiceImport): void {
  const { fields, service, note, problem } = one;
  const schedule = fields.take("on.schedule");
  if (typeof schedule !== "string") {
    problem("on.schedule", "must be when the job runs, such as @daily or 0 3 * * *", schedule);
    return;
  }
  const converted = scheduleExpression(schedule);
  if ("problem" in converted) {
    problem("on.schedule", converted.problem, schedule);
    return;
  }
  // Copilot's schedules are in UTC.
  const settings: Writable = { expression: converted.expression, timezone: "UTC" };
  const retries = fields.take("retries");
  if (retries !== undefined) settings.retries = retries;
  else note("retries: none in Copilot, which tries a run once; here schedule.retries is 2 unless set");
  const timeout = fields.take("timeout");
  const timeoutSeconds = durationSeconds(timeout);
  if (timeout === undefined) note("timeout: none in Copilot; here schedule.maxRunMinutes is 60 unless set");
  else if (timeoutSeconds === undefined) problem("timeout", "must be a duration such as 30m or 1h", timeout);
  else {
    settings.maxRunMinutes = Math.ceil(timeoutSeconds / 60);
    if (settings.maxRunMinutes !== timeoutSeconds / 60) note(`timeout: ${timeout} rounded up to ${settings.maxRunMinutes} minutes`);
  }
  service.schedule = settings;
}

/**
 * With more than one web service each rule needs its own priority, which Copilot chose itself: here
 * in the manifests' order, a service on every path (`/*`) last, so that it does not take the others' requests.
 */
function orderListenerRules(webServices: Writable[], note: (text: string) => void): void {
  if (webServices.length < 2) return;
  const takesAll = (service: Writable) => {
    const patterns = isMap(service.listenerRule) ? service.listenerRule.pathPatterns : undefined;
    return !Array.isArray(patterns) || patterns.includes("/*");
  };
  const ordered = [...webServices.filter((service) => !takesAll(service)), ...webServices.filter(takesAll)];
  for (const [index, service] of ordered.entries()) put(service, "listenerRule.priority", (index + 1) * 10);
  note(
    "listenerRule.priority: Copilot ordered its rules itself; set here in the manifests' order, 10 apart, the services on every path last",
  );
}
