// The rules a JSON Schema cannot state: CIDR arithmetic, AWS's naming rules for the names this
// project derives, Fargate's CPU/memory pairs, and rules that relate two settings.
import { contains, Ipv4Block, overlaps, parseCidr } from "./cidr";
import type { ResolvedServiceSettings } from "./resolve-settings";
import type { Problem } from "./schema-check";

/** Tells whether the settings at these paths are known and well-formed, so a rule can use them. */
export type Usable = (...paths: string[]) => boolean;

/** AWS's defaults for the health check fields the tutorial leaves unset (an HTTP target group of IPs). */
export const AWS_HEALTH_CHECK_DEFAULTS = {
  intervalSeconds: 30,
  timeoutSeconds: 5,
  healthyThreshold: 5,
  unhealthyThreshold: 2,
  matcher: "200",
} as const;

interface NameRule {
  readonly resource: string;
  readonly derive: (name: string) => string;
  readonly pattern: RegExp;
  readonly max: number;
  readonly rule: string;
}

const LB_NAME = /^(?!internal-)[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?$/;
const ECS_NAME = /^[a-zA-Z0-9_-]+$/;
const SG_NAME = /^(?!sg-)[a-zA-Z0-9 ._\-:/()#,@[\]+=&;{}!$*]+$/;

/** Every AWS name derived from `name`, with the rules of the resource that carries it. */
const NAME_RULES: readonly NameRule[] = [
  { resource: "load balancer", derive: (n) => n, pattern: LB_NAME, max: 32, rule: "1-32 letters, digits and hyphens, not starting or ending with a hyphen nor starting with internal-" },
  { resource: "target group", derive: (n) => n, pattern: LB_NAME, max: 32, rule: "1-32 letters, digits and hyphens, not starting or ending with a hyphen" },
  { resource: "ALB security group", derive: (n) => `${n}-alb`, pattern: SG_NAME, max: 255, rule: "at most 255 characters of a-z A-Z 0-9 spaces and ._-:/()#,@[]+=&;{}!$*, not starting with sg-" },
  { resource: "task security group", derive: (n) => `${n}-ecs`, pattern: SG_NAME, max: 255, rule: "at most 255 characters of a-z A-Z 0-9 spaces and ._-:/()#,@[]+=&;{}!$*, not starting with sg-" },
  { resource: "ECS cluster", derive: (n) => n, pattern: ECS_NAME, max: 255, rule: "1-255 letters, digits, hyphens and underscores" },
  { resource: "ECS service", derive: (n) => n, pattern: ECS_NAME, max: 255, rule: "1-255 letters, digits, hyphens and underscores" },
  { resource: "task definition family", derive: (n) => n, pattern: ECS_NAME, max: 255, rule: "1-255 letters, digits, hyphens and underscores" },
];

const steps = (from: number, to: number, step: number) =>
  Array.from({ length: (to - from) / step + 1 }, (_, i) => from + i * step);

/** Fargate's valid memory (MiB) for each CPU value. */
const FARGATE_MEMORY: Readonly<Record<number, readonly number[]>> = {
  256: [512, 1024, 2048],
  512: steps(1024, 4096, 1024),
  1024: steps(2048, 8192, 1024),
  2048: steps(4096, 16384, 1024),
  4096: steps(8192, 30720, 1024),
  8192: steps(16384, 61440, 4096),
  16384: steps(32768, 122880, 8192),
};

// Docker's reference grammar: [registry[:port]/]path[:tag][@digest], lowercase path components.
const IMAGE =
  /^(?:(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*(?::\d{1,5})?\/)?[a-z0-9]+(?:(?:\.|_|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:\.|_|__|-+)[a-z0-9]+)*)*(?::[a-zA-Z0-9_][a-zA-Z0-9_.-]{0,127})?(?:@sha256:[a-f0-9]{64})?$/;
const ENVIRONMENT_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const PATH_PATTERN = /^[A-Za-z0-9_\-.$/~"'@:+&*?]{1,128}$/;

/** Every rule above, applied to the settings the schema found well-formed. */
export function checkRules(s: ResolvedServiceSettings, usable: Usable, region: string | undefined): Problem[] {
  const problems: Problem[] = [];
  const report = (path: string, rule: string, value: unknown) => problems.push({ path, rule, value });

  if (usable("name")) {
    const broken = NAME_RULES.find(({ derive, pattern, max }) => {
      const derived = derive(s.name);
      return derived.length > max || !pattern.test(derived);
    });
    if (broken) {
      const derived = broken.derive(s.name);
      const shown = derived === s.name ? "" : ` (here "${derived}")`;
      report("name", `must give a ${broken.resource} name AWS accepts${shown}: ${broken.rule}`, s.name);
    }
  }

  const vpc = usable("vpcCidr") ? checkCidr("vpcCidr", s.vpcCidr, report) : undefined;
  const subnets: { path: string; block: Ipv4Block }[] = [];
  for (const list of ["publicSubnetCidrs", "privateSubnetCidrs"] as const) {
    if (!usable(list)) continue;
    if (usable("azs") && s[list].length !== s.azs.length) {
      report(list, `must list one CIDR per zone in azs (${s.azs.length})`, s[list]);
    }
    s[list].forEach((cidr, index) => {
      const path = `${list}[${index}]`;
      const block = checkCidr(path, cidr, report);
      const clash = block && subnets.find((other) => overlaps(other.block, block));
      if (!block) return;
      if (vpc && !contains(vpc, block)) report(path, `must lie inside the VPC ${s.vpcCidr}`, cidr);
      else if (clash) report(path, `must not overlap ${clash.path} (${cidrText(clash.block)})`, cidr);
      else subnets.push({ path, block });
    });
  }

  if (region && usable("azs")) {
    const zone = new RegExp(`^${region}(?:[a-z]|-[a-z]+-\\d+[a-z])$`);
    s.azs.forEach((az, index) => {
      if (!zone.test(az)) report(`azs[${index}]`, `must be an availability zone of region ${region}, such as ${region}a`, az);
    });
  }

  if (usable("image") && !IMAGE.test(s.image)) {
    report("image", "must be a container image reference such as nginx:1.14 or registry.example.com/team/app:1.0", s.image);
  }

  if (usable("cpu", "memory")) {
    const allowed = FARGATE_MEMORY[s.cpu];
    if (!allowed.includes(s.memory)) {
      const text =
        allowed.length <= 4
          ? allowed.join(", ")
          : `${allowed[0]} to ${allowed[allowed.length - 1]} in steps of ${allowed[1] - allowed[0]}`;
      report("memory", `must be ${text} MiB with cpu ${s.cpu} (Fargate's valid pairs)`, s.memory);
    }
  }

  if (usable("healthCheck.intervalSeconds", "healthCheck.timeoutSeconds")) {
    const { intervalSeconds, timeoutSeconds } = s.healthCheck;
    const interval = intervalSeconds ?? AWS_HEALTH_CHECK_DEFAULTS.intervalSeconds;
    const timeout = timeoutSeconds ?? AWS_HEALTH_CHECK_DEFAULTS.timeoutSeconds;
    if (timeout >= interval && timeoutSeconds !== undefined) {
      report("healthCheck.timeoutSeconds", `must be less than the interval (${interval} s)`, timeoutSeconds);
    } else if (timeout >= interval) {
      report("healthCheck.intervalSeconds", `must be more than the timeout (${timeout} s, AWS's default when timeoutSeconds is unset)`, intervalSeconds);
    }
  }

  if (usable("healthCheck.matcher") && s.healthCheck.matcher !== undefined) {
    const bad = s.healthCheck.matcher.split(",").some((part) => {
      const [low, high = low] = part.split("-").map(Number);
      return low < 200 || high > 499 || low > high;
    });
    if (bad) report("healthCheck.matcher", "must be codes from 200 to 499, ranges from low to high", s.healthCheck.matcher);
  }

  if (usable("listenerRule.pathPatterns")) {
    s.listenerRule.pathPatterns.forEach((pattern, index) => {
      if (!PATH_PATTERN.test(pattern)) {
        report(`listenerRule.pathPatterns[${index}]`, "must be 1-128 characters of A-Z a-z 0-9 _-.$/~\"'@:+&*?", pattern);
      }
    });
  }

  if (usable("environment")) {
    for (const name of Object.keys(s.environment)) {
      if (!ENVIRONMENT_NAME.test(name)) {
        report(`environment.${name}`, "must be named with letters, digits and underscores, not starting with a digit", name);
      }
    }
  }

  if (usable("tags")) {
    const entries = Object.entries(s.tags);
    if (entries.length > 49) report("tags", "must have at most 49 entries (AWS allows 50, one is Name)", entries.length);
    for (const [key, value] of entries) {
      if (key === "Name") report("tags.Name", "is set on each resource by this project; choose another key", value);
      else if (key.length > 128 || key.toLowerCase().startsWith("aws:")) report(`tags.${key}`, "must have a key of at most 128 characters, not starting with aws:", key);
      else if (value.length > 256) report(`tags.${key}`, "must have a value of at most 256 characters", value);
    }
  }

  return problems;
}

function checkCidr(path: string, text: string, report: (path: string, rule: string, value: unknown) => void): Ipv4Block | undefined {
  const parsed = parseCidr(text);
  if ("reason" in parsed) return void report(path, parsed.reason, text);
  if (parsed.prefix < 16 || parsed.prefix > 28) return void report(path, "must have a prefix from /16 to /28 (AWS's limits)", text);
  return parsed;
}

function cidrText(block: Ipv4Block): string {
  const octets = [24, 16, 8, 0].map((shift) => Math.floor(block.base / 2 ** shift) % 256);
  return `${octets.join(".")}/${block.prefix}`;
}
