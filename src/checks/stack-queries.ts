import { blocks, parseDocument, referencesIn, type StackResource, type StackResources } from "../terraform/terraform-json";

const OPEN_TO_ALL = ["0.0.0.0/0", "::/0"];

/** Application load balancers (`aws_lb` and its old name `aws_alb`). */
export const applicationLoadBalancers = (stack: StackResources): StackResource[] =>
  stack.ofType("aws_lb", "aws_alb").filter((lb) => (lb.config.load_balancer_type ?? "application") === "application");

/** Application load balancers that face the internet (the provider's default). */
export const internetFacingLoadBalancers = (stack: StackResources): StackResource[] =>
  applicationLoadBalancers(stack).filter((lb) => lb.config.internal !== true);

export const listenersOf = (stack: StackResources, lb: StackResource): StackResource[] =>
  stack.referringTo(lb.address, "aws_lb_listener", "aws_alb_listener");

/** Addresses of the security groups a resource's argument refers to. */
export const securityGroupsIn = (value: unknown): string[] =>
  referencesIn(value).filter((address) => address.startsWith("aws_security_group."));

/** Security groups attached to load balancers. */
export const loadBalancerSecurityGroups = (stack: StackResources): Set<string> =>
  new Set(applicationLoadBalancers(stack).flatMap((lb) => securityGroupsIn(lb.config.security_groups)));

/** Whether a rule's source is the security groups of a load balancer the stack reads (`data.aws_lb`): one that exists already. */
export const isExistingLoadBalancerGroup = (source: string): boolean => {
  const references = referencesIn(source);
  return references.length > 0 && references.every((address) => /^data\.aws_a?lb\./.test(address));
};

/** Security groups attached to ECS services' tasks. */
export const taskSecurityGroups = (stack: StackResources): Set<string> =>
  new Set(
    stack
      .ofType("aws_ecs_service")
      .flatMap((service) => blocks(service.config.network_configuration).flatMap((n) => securityGroupsIn(n.security_groups))),
  );

/** One rule of a security group, whichever of the provider's four ways declares it. */
export interface SecurityGroupRule {
  /** The resource that declares it: the group itself for inline rules. */
  readonly address: string;
  /** The group it belongs to. */
  readonly group: string;
  readonly direction: "ingress" | "egress";
  readonly protocol: string;
  readonly fromPort: number | undefined;
  readonly toPort: number | undefined;
  readonly cidrs: readonly string[];
  /** Security groups of the stack it admits (or reaches), by address. */
  readonly sourceGroups: readonly string[];
  /** Any other source: a group by id or data source, a prefix list, the group itself (`self`). */
  readonly otherSources: readonly string[];
  readonly description: unknown;
}

/** Every security group rule of the stack: inline blocks, `aws_security_group_rule` and the `aws_vpc_security_group_*_rule` resources. */
export function securityGroupRules(stack: StackResources): SecurityGroupRule[] {
  const inline = stack.ofType("aws_security_group").flatMap((group) =>
    (["ingress", "egress"] as const).flatMap((direction) =>
      blocks(group.config[direction]).map((rule) => ({
        address: group.address,
        group: group.address,
        direction,
        protocol: String(rule.protocol),
        fromPort: rule.from_port,
        toPort: rule.to_port,
        cidrs: [...toList(rule.cidr_blocks), ...toList(rule.ipv6_cidr_blocks)],
        sourceGroups: securityGroupsIn(rule.security_groups),
        otherSources: [...others(rule.security_groups), ...(rule.prefix_list_ids ?? []), ...(rule.self === true ? ["self"] : [])],
        description: rule.description,
      })),
    ),
  );
  const standalone = stack.ofType("aws_security_group_rule").map((rule) => ({
    address: rule.address,
    group: securityGroupsIn(rule.config.security_group_id)[0] ?? String(rule.config.security_group_id),
    direction: rule.config.type,
    protocol: String(rule.config.protocol),
    fromPort: rule.config.from_port,
    toPort: rule.config.to_port,
    cidrs: [...toList(rule.config.cidr_blocks), ...toList(rule.config.ipv6_cidr_blocks)],
    sourceGroups: securityGroupsIn(rule.config.source_security_group_id),
    otherSources: [
      ...others(rule.config.source_security_group_id),
      ...(rule.config.prefix_list_ids ?? []),
      ...(rule.config.self === true ? ["self"] : []),
    ],
    description: rule.config.description,
  }));
  const vpcRules = stack.ofType("aws_vpc_security_group_ingress_rule", "aws_vpc_security_group_egress_rule").map((rule) => ({
    address: rule.address,
    group: securityGroupsIn(rule.config.security_group_id)[0] ?? String(rule.config.security_group_id),
    direction: rule.type === "aws_vpc_security_group_ingress_rule" ? ("ingress" as const) : ("egress" as const),
    protocol: String(rule.config.ip_protocol),
    fromPort: rule.config.from_port,
    toPort: rule.config.to_port,
    cidrs: [rule.config.cidr_ipv4, rule.config.cidr_ipv6].filter((cidr): cidr is string => typeof cidr === "string"),
    sourceGroups: securityGroupsIn(rule.config.referenced_security_group_id),
    otherSources: [
      ...others(rule.config.referenced_security_group_id),
      ...(rule.config.prefix_list_id ? [rule.config.prefix_list_id] : []),
    ],
    description: rule.config.description,
  }));
  return [...inline, ...standalone, ...vpcRules];
}

/** Sources given otherwise than as a security group of the stack: ids, data sources. */
function others(value: unknown): string[] {
  return (Array.isArray(value) ? value : value === undefined || value === null ? [] : [value])
    .map(String)
    .filter((source) => !securityGroupsIn(source).length);
}

export const isOpenToAll = (rule: SecurityGroupRule): boolean => rule.cidrs.some((cidr) => OPEN_TO_ALL.includes(cidr));

/** All ports of all protocols: `-1`, or 0–65535. */
export const isAllTraffic = (rule: SecurityGroupRule): boolean => rule.protocol === "-1" || rule.protocol === "all";

/** The ports of a rule, as a message shows them. */
export const portsOf = (rule: SecurityGroupRule): string =>
  isAllTraffic(rule)
    ? "all traffic"
    : rule.fromPort === rule.toPort
      ? `${rule.protocol} ${rule.fromPort}`
      : `${rule.protocol} ${rule.fromPort}-${rule.toPort}`;

/** A container definition, as ECS reads it. */
// biome-ignore lint/suspicious/noExplicitAny: container definitions hold whatever ECS accepts
export type ContainerDefinition = Record<string, any>;

/** Each task definition's containers; none for definitions that are an expression known only at apply. */
export const containersOf = (stack: StackResources): { taskDefinition: StackResource; container: ContainerDefinition }[] =>
  stack.ofType("aws_ecs_task_definition").flatMap((taskDefinition) => {
    const containers = parseDocument(taskDefinition.config.container_definitions);
    return Array.isArray(containers) ? containers.map((container: ContainerDefinition) => ({ taskDefinition, container })) : [];
  });

/** A statement of an IAM policy document. */
export interface PolicyStatement {
  readonly Sid?: string;
  readonly Effect?: string;
  readonly Action?: string | string[];
  readonly NotAction?: string | string[];
  readonly Resource?: string | string[];
  readonly NotResource?: string | string[];
  readonly Condition?: Record<string, Record<string, unknown>>;
}

/** The statements of every IAM policy the stack writes: role policies, managed policies, inline policies of roles. */
export function policyStatements(stack: StackResources): { address: string; statement: PolicyStatement }[] {
  const documents = [
    ...stack.ofType("aws_iam_role_policy", "aws_iam_policy").map((policy) => ({ address: policy.address, document: policy.config.policy })),
    ...stack
      .ofType("aws_iam_role")
      .flatMap((role) => blocks(role.config.inline_policy).map((inline) => ({ address: role.address, document: inline.policy }))),
  ];
  return documents.flatMap(({ address, document }) => {
    const parsed = parseDocument(document) as { Statement?: PolicyStatement | PolicyStatement[] } | undefined;
    return toList(parsed?.Statement).map((statement) => ({ address, statement }));
  });
}

/** A value as a list: a list as it is, one value (an expression such as `${[for …]}`) as a list of it. */
// Inline blocks spell every attribute they leave out as null (the provider's "attributes as blocks").
export const toList = <T>(value: T | readonly T[] | null | undefined): T[] =>
  value === undefined || value === null ? [] : Array.isArray(value) ? [...value] : [value as T];

/** Queues something sends what it could not handle to: a queue's redrive target, a schedule's or an event target's dead-letter queue. */
export function deadLetterQueues(stack: StackResources): Set<string> {
  const redrives = [
    ...stack.ofType("aws_sqs_queue").map((queue) => queue.config.redrive_policy),
    ...stack.ofType("aws_sqs_queue_redrive_policy").map((policy) => policy.config.redrive_policy),
  ];
  const deadLetterConfigs = stack.all().flatMap((resource) => deadLetterConfigsIn(resource.config));
  return new Set(
    [...redrives, ...deadLetterConfigs].flatMap((value) => referencesIn(value)).filter((address) => address.startsWith("aws_sqs_queue.")),
  );
}

/** Every `dead_letter_config` block, however deep (a schedule's is inside its target). */
function deadLetterConfigsIn(value: unknown): unknown[] {
  if (Array.isArray(value)) return value.flatMap(deadLetterConfigsIn);
  if (!value || typeof value !== "object") return [];
  return Object.entries(value).flatMap(([key, inner]) => (key === "dead_letter_config" ? [inner] : deadLetterConfigsIn(inner)));
}

/** A statement of a resource policy, with its principals and conditions as the rules read them. */
export interface ResourcePolicyStatement {
  readonly effect: string;
  /** Each principal as `type:identifier`: `AWS:*`, `Service:sns.amazonaws.com`; a bare `"Principal": "*"` is `AWS:*`. */
  readonly principals: readonly string[];
  /** The condition keys the statement tests, lower case: `aws:sourcearn`. */
  readonly conditionKeys: readonly string[];
}

/**
 * The statements of a resource policy argument: a JSON document (literal, or with references in
 * it), or a reference to a `data.aws_iam_policy_document`, whose statement blocks are read instead.
 */
export function resourcePolicyStatements(stack: StackResources, policy: unknown): ResourcePolicyStatement[] {
  const parsed = parseDocument(policy) as { Statement?: Record<string, unknown> | Record<string, unknown>[] } | undefined;
  if (parsed) {
    return toList<Record<string, unknown>>(parsed.Statement).map((statement) => ({
      effect: String(statement.Effect ?? "Allow"),
      principals: principalsOf(statement.Principal),
      conditionKeys: Object.values((statement.Condition ?? {}) as Record<string, Record<string, unknown>>).flatMap((byKey) =>
        Object.keys(byKey ?? {}).map((key) => key.toLowerCase()),
      ),
    }));
  }
  const documents = referencesIn(policy).filter((address) => address.startsWith("data.aws_iam_policy_document."));
  return stack
    .lookupsOf("aws_iam_policy_document")
    .filter((document) => documents.includes(document.address))
    .flatMap((document) =>
      blocks(document.config.statement).map((statement) => ({
        effect: String(statement.effect ?? "Allow"),
        principals: blocks(statement.principals).flatMap((principal) =>
          toList(principal.identifiers as string | string[]).map((identifier) => `${principal.type}:${identifier}`),
        ),
        conditionKeys: blocks(statement.condition).map((condition) => String(condition.variable).toLowerCase()),
      })),
    );
}

function principalsOf(principal: unknown): string[] {
  if (principal === "*") return ["AWS:*"];
  if (!principal || typeof principal !== "object") return [];
  return Object.entries(principal as Record<string, string | string[]>).flatMap(([type, identifiers]) =>
    toList(identifiers).map((identifier) => `${type}:${identifier}`),
  );
}

/**
 * A service's quiet hours: the scheduled action that lowers its count (`start`) and the one that
 * restores it (`end`), on its scalable target or naming the service itself; undefined without both.
 */
export function quietHoursOf(stack: StackResources, service: StackResource): { start: StackResource; end: StackResource } | undefined {
  const targets = stack.ofType("aws_appautoscaling_target");
  const own = stack.ofType("aws_appautoscaling_scheduled_action").filter((action) => {
    const named = referencesIn(action.config);
    return (
      named.includes(service.address) ||
      targets.some((target) => named.includes(target.address) && referencesIn(target.config.resource_id).includes(service.address))
    );
  });
  if (own.length < 2) return undefined;
  const capacity = (action: StackResource) => scheduledCapacity(action) ?? Number.POSITIVE_INFINITY;
  // By name where it says (…-quiet-start, …-quiet-end), else the lower count starts the quiet hours.
  const says = (action: StackResource, word: string) => new RegExp(`(^|[-_])${word}$`).test(String(action.config.name ?? action.name));
  const start = own.find((action) => says(action, "start")) ?? [...own].sort((a, b) => capacity(a) - capacity(b))[0];
  const end = own.find((action) => action !== start && says(action, "end")) ?? own.find((action) => action !== start);
  return end ? { start, end } : undefined;
}

/** The task count a scheduled action sets (its maximum). */
export const scheduledCapacity = (action: StackResource): number | undefined => {
  const max = blocks(action.config.scalable_target_action)[0]?.max_capacity;
  return max === undefined || max === null ? undefined : Number(max);
};
