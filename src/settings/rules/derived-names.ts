import { accessLogsBucketPrefix } from "../../aws/bucket-names";
import type { ResolvedServiceSettings } from "../resolved-settings";
import type { SettingsRule } from "./rule";

interface NameRule {
  /** The resource, with its article. */
  readonly resource: string;
  readonly derive: (name: string) => string;
  /**
   * Whether the settings create the resource.
   * @default - always
   */
  readonly applies?: (s: ResolvedServiceSettings) => boolean;
  readonly pattern: RegExp;
  readonly max: number;
  readonly rule: string;
}

const TARGET_GROUP_NAME = /^[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?$/;
const LB_NAME = /^(?!internal-)[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?$/;
const ECS_NAME = /^[a-zA-Z0-9_-]+$/;
const SG_NAME = /^(?!sg-)[a-zA-Z0-9 ._\-:/()#,@[\]+=&;{}!$*]+$/;
const SG_RULE = "at most 255 characters of a-z A-Z 0-9 spaces and ._-:/()#,@[]+=&;{}!$*, not starting with sg-";
const ECS_RULE = "1-255 letters, digits, hyphens and underscores";

/** Every AWS name derived from `name`, with the rules of the resource that carries it: first those every service of a platform has. */
const NAME_RULES: readonly NameRule[] = [
  {
    resource: "a target group",
    derive: (n) => n,
    pattern: TARGET_GROUP_NAME,
    max: 32,
    rule: "1-32 letters, digits and hyphens, not starting or ending with a hyphen",
  },
  {
    resource: "a load balancer",
    derive: (n) => n,
    pattern: LB_NAME,
    max: 32,
    rule: "1-32 letters, digits and hyphens, not starting or ending with a hyphen nor starting with internal-",
  },
  { resource: "an ALB security group", derive: (n) => `${n}-alb`, pattern: SG_NAME, max: 255, rule: SG_RULE },
  { resource: "a task security group", derive: (n) => `${n}-ecs`, pattern: SG_NAME, max: 255, rule: SG_RULE },
  { resource: "an ECS cluster", derive: (n) => n, pattern: ECS_NAME, max: 255, rule: ECS_RULE },
  { resource: "an ECS service", derive: (n) => n, pattern: ECS_NAME, max: 255, rule: ECS_RULE },
  { resource: "a task definition family", derive: (n) => n, pattern: ECS_NAME, max: 255, rule: ECS_RULE },
  {
    resource: "an S3 bucket of access logs",
    derive: accessLogsBucketPrefix,
    applies: (s) => s.loadBalancer.accessLogs && !s.existing.listenerArn,
    // The random rest Terraform appends keeps the suffixes S3 reserves (-s3alias, --ol-s3, …) away.
    pattern: /^(?!xn--|sthree-|amzn-s3-demo-)[a-z0-9][a-z0-9-]*$/,
    max: 37,
    rule: "S3 names a bucket in lowercase letters, digits and hyphens, and reserves names starting with xn--, sthree- or amzn-s3-demo-",
  },
];

export const derivedNamesRule: SettingsRule = {
  id: "derived-names",
  summary:
    "`name` gives every AWS name derived from it in a form AWS accepts (load balancer and target group: 1-32 letters, digits, hyphens, not `internal-…`; security groups: not `sg-…`; cluster, service, task family; which keeps the log groups `/ecs/<name>` and IAM roles `<name>-<region>-…` valid too)",
  check(s, { usable }) {
    if (!usable("name")) return [];
    const broken = NAME_RULES.find(({ derive, pattern, max, applies }) => {
      if (applies && !applies(s)) return false;
      const derived = derive(s.name);
      return derived.length > max || !pattern.test(derived);
    });
    if (!broken) return [];
    const derived = broken.derive(s.name);
    const shown = derived === s.name ? "" : ` (here "${derived}")`;
    return [{ path: "name", rule: `must give ${broken.resource} name AWS accepts${shown}: ${broken.rule}`, value: s.name }];
  },
};
