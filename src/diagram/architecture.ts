import { isExistingLoadBalancerGroup, portsOf, securityGroupRules } from "../checks/stack-queries";
import { blocks, parseDocument, referencesIn, type StackResource, StackResources, type TerraformJson } from "../terraform/terraform-json";

/** A box of the drawing, holding nodes and boxes: the region, the VPC, a zone, a subnet, the cluster. */
export interface Group {
  readonly id: string;
  readonly label: string;
  readonly nodes: readonly DiagramNode[];
  readonly groups: readonly Group[];
}

export interface DiagramNode {
  readonly id: string;
  readonly label: string;
}

/** A flow, labelled with what the security groups allow or what it does. */
export interface DiagramEdge {
  readonly from: string;
  readonly to: string;
  readonly label?: string;
  /** A relation rather than traffic: which service runs the tasks, where logs go. */
  readonly dashed?: boolean;
}

/** An environment as an architect draws it: the internet outside, the region holding the VPC and its zones, the flows between. */
export interface Architecture {
  readonly title: string;
  readonly outside: readonly DiagramNode[];
  readonly region: Group;
  readonly edges: readonly DiagramEdge[];
}

const id = (address: string) => address.replace(/[^A-Za-z0-9]/g, "_");
const str = (value: unknown) => (typeof value === "string" && !value.includes("${") ? value : undefined);

/** Reads an environment's synthesized Terraform into its architecture: what is drawn comes from what will be created. */
export function architectureOf(title: string, json: TerraformJson, region: string): Architecture {
  const stack = new StackResources(json);
  const edges: DiagramEdge[] = [];
  const outside: DiagramNode[] = [{ id: "internet", label: "Internet" }];
  const regional: DiagramNode[] = [];
  const vpcGroups: Group[] = [];

  const subnetsByZone = new Map<string, StackResource[]>();
  for (const subnet of stack.ofType("aws_subnet")) {
    const zone = str(subnet.config.availability_zone) ?? "zone";
    subnetsByZone.set(zone, [...(subnetsByZone.get(zone) ?? []), subnet]);
  }
  const services = stack.ofType("aws_ecs_service");
  const taskSubnets = new Set(
    services.flatMap((service) => blocks(service.config.network_configuration).flatMap((n) => subnetsIn(n.subnets))),
  );
  const taskNodes: string[] = [];
  const loadBalancerSubnets = new Set(stack.ofType("aws_lb", "aws_alb").flatMap((lb) => subnetsIn(lb.config.subnets)));
  /** What the stack puts in a subnet: a load balancer node where its addresses live, NAT gateways, tasks. */
  const subnetNodes = (subnet: string): DiagramNode[] => {
    const nodes: DiagramNode[] = [];
    if (loadBalancerSubnets.has(subnet)) nodes.push({ id: id(`lb ${subnet}`), label: "load balancer node" });
    for (const nat of stack.referringTo(subnet, "aws_nat_gateway")) nodes.push({ id: id(nat.address), label: "NAT gateway" });
    if (taskSubnets.has(subnet)) {
      const taskId = id(`tasks ${subnet}`);
      nodes.push({ id: taskId, label: "Fargate tasks" });
      taskNodes.push(taskId);
    }
    return nodes;
  };

  for (const vpc of [...stack.ofType("aws_vpc"), ...stack.lookupsOf("aws_vpc")]) {
    const existing = vpc.address.startsWith("data.");
    const zones: Group[] = [];
    for (const [zone, subnets] of [...subnetsByZone].sort(([a], [b]) => a.localeCompare(b))) {
      const subnetGroups = subnets
        .filter((subnet) => referencesIn(subnet.config.vpc_id).includes(vpc.address))
        .sort((a, b) => a.name.localeCompare(b.name))
        .map((subnet): Group => {
          const kind = subnet.name.startsWith("public") ? "public" : subnet.name.startsWith("private") ? "private" : subnet.name;
          const label = `${kind} subnet ${str(subnet.config.cidr_block) ?? ""}`.trim();
          return { id: id(subnet.address), label, nodes: subnetNodes(subnet.address), groups: [] };
        });
      if (subnetGroups.length) zones.push({ id: id(`zone ${zone}`), label: zone, nodes: [], groups: subnetGroups });
    }
    if (existing) {
      // Subnets that exist already are known by their IDs only: a box each, holding what the stack puts there.
      const given = [...new Set([...loadBalancerSubnets, ...taskSubnets])].filter((subnet) => !subnet.includes(".")).sort();
      zones.push(...given.map((subnet): Group => ({ id: id(subnet), label: `subnet ${subnet}`, nodes: subnetNodes(subnet), groups: [] })));
    }
    const vpcNodes: DiagramNode[] = [];
    for (const igw of stack.referringTo(vpc.address, "aws_internet_gateway")) {
      vpcNodes.push({ id: id(igw.address), label: "Internet gateway" });
      edges.push({ from: id(igw.address), to: "internet", label: "out" });
    }
    for (const lb of stack.ofType("aws_lb", "aws_alb")) vpcNodes.push(...loadBalancer(stack, lb, edges));
    for (const listener of stack.lookupsOf("aws_lb_listener")) {
      vpcNodes.push({ id: id(listener.address), label: "Listener of an existing load balancer" });
      edges.push({ from: "internet", to: id(listener.address) });
      forwardEdges(stack, listener, edges);
    }
    vpcNodes.push(...targetGroups(stack, edges));
    const flowLogs = stack.referringTo(vpc.address, "aws_flow_log");
    if (flowLogs.length) regional.push({ id: id(flowLogs[0].address), label: "VPC flow logs" });
    const label = existing ? `VPC ${str(vpc.config.id) ?? ""} (existing)` : `VPC ${str(vpc.config.cidr_block) ?? ""}`.trim();
    vpcGroups.push({ id: id(vpc.address), label, nodes: vpcNodes, groups: zones });
  }

  // Traffic out of the tasks: through their zone's NAT gateway, or straight out with public addresses.
  for (const nat of stack.ofType("aws_nat_gateway")) {
    const igw = stack.ofType("aws_internet_gateway")[0];
    if (igw) edges.push({ from: id(nat.address), to: id(igw.address) });
  }
  for (const taskId of taskNodes) {
    const subnetAddress = [...taskSubnets].find((address) => taskId === id(`tasks ${address}`));
    const routeTable = stack
      .ofType("aws_route_table_association")
      .find((association) => subnetAddress && referencesIn(association.config.subnet_id).includes(subnetAddress));
    const route = stack
      .ofType("aws_route")
      .find(
        (one) =>
          routeTable &&
          referencesIn(one.config.route_table_id).some((table) => referencesIn(routeTable.config.route_table_id).includes(table)),
      );
    const via = route && (referencesIn(route.config.nat_gateway_id)[0] ?? referencesIn(route.config.gateway_id)[0]);
    if (via) edges.push({ from: taskId, to: id(via), label: "egress" });
  }

  const clusterGroups: Group[] = [...stack.ofType("aws_ecs_cluster"), ...stack.lookupsOf("aws_ecs_cluster")].map((cluster) => {
    const inCluster = stack.referringTo(cluster.address, "aws_ecs_service");
    for (const service of inCluster) {
      const own = blocks(service.config.network_configuration).flatMap((n) => subnetsIn(n.subnets));
      for (const subnet of own) edges.push({ from: id(service.address), to: id(`tasks ${subnet}`), dashed: true });
      const taskDefinition = stack
        .ofType("aws_ecs_task_definition")
        .find((one) => referencesIn(service.config.task_definition).includes(one.address));
      for (const group of referencesIn(taskDefinition?.config.container_definitions).filter((address) =>
        address.startsWith("aws_cloudwatch_log_group."),
      )) {
        edges.push({ from: id(service.address), to: id(group), label: "logs", dashed: true });
      }
    }
    const label = cluster.address.startsWith("data.")
      ? `ECS cluster ${str(cluster.config.cluster_name) ?? ""} (existing)`
      : `ECS cluster ${str(cluster.config.name) ?? ""}`.trim();
    return { id: id(cluster.address), label, nodes: inCluster.map((service) => serviceNode(stack, service)), groups: [] };
  });

  for (const group of stack.ofType("aws_cloudwatch_log_group")) {
    if (!stack.referringTo(group.address, "aws_flow_log").length)
      regional.push({ id: id(group.address), label: `Logs ${str(group.config.name) ?? ""}`.trim() });
  }
  for (const flowLog of stack.ofType("aws_flow_log")) {
    const group = referencesIn(flowLog.config.log_destination)[0];
    if (group) regional.push({ id: id(group), label: "Logs of the flows" });
    if (group) edges.push({ from: id(flowLog.address), to: id(group), dashed: true });
  }
  for (const role of stack.ofType("aws_iam_role")) regional.push({ id: id(role.address), label: `IAM role ${role.name}` });
  const logBuckets = new Set(
    stack.ofType("aws_lb", "aws_alb").flatMap((lb) => blocks(lb.config.access_logs).flatMap((logs) => referencesIn(logs.bucket))),
  );
  for (const bucket of stack.ofType("aws_s3_bucket")) {
    regional.push({
      id: id(bucket.address),
      label: logBuckets.has(bucket.address) ? "S3 access logs" : `S3 ${str(bucket.config.bucket) ?? bucket.name}`,
    });
  }

  outside.push(...notifications(stack, regional, edges));

  return {
    title,
    outside: [...outside, ...dnsNodes(stack, edges)],
    region: { id: "region", label: `AWS ${region}`, nodes: regional, groups: [...vpcGroups, ...clusterGroups] },
    edges,
  };
}

/** The load balancer, its listeners and target groups, the flows into it (with what its security group admits) and on to the tasks. */
function loadBalancer(stack: StackResources, lb: StackResource, edges: DiagramEdge[]): DiagramNode[] {
  const lbId = id(lb.address);
  const nodes: DiagramNode[] = [{ id: lbId, label: `Application Load Balancer ${str(lb.config.name) ?? ""}`.trim() }];
  const groups = referencesIn(lb.config.security_groups);
  const ports = ingressOf(stack, groups).join(", ");
  edges.push({ from: "internet", to: lbId, label: ports ? `${ports} (security group)` : undefined });
  for (const acl of stack.referringTo(lb.address, "aws_wafv2_web_acl_association")) {
    nodes.push({ id: id(acl.address), label: "WAF web ACL" });
    edges.push({ from: id(acl.address), to: lbId, label: "filters", dashed: true });
  }
  for (const logs of blocks(lb.config.access_logs).filter((one) => one.enabled === true)) {
    for (const bucket of referencesIn(logs.bucket)) edges.push({ from: lbId, to: id(bucket), label: "access logs", dashed: true });
  }
  for (const listener of stack.referringTo(lb.address, "aws_lb_listener", "aws_alb_listener")) {
    const protocol = String(listener.config.protocol ?? "HTTP");
    const actions = blocks(listener.config.default_action).map((action) => String(action.type));
    const listenerId = id(listener.address);
    nodes.push({ id: listenerId, label: `${protocol} :${listener.config.port} (${actions.join(", ")})` });
    edges.push({ from: lbId, to: listenerId });
    const certificate = referencesIn(listener.config.certificate_arn).find((address) => address.startsWith("aws_acm_certificate"));
    if (certificate) edges.push({ from: "certificate", to: listenerId, label: "TLS", dashed: true });
    forwardEdges(stack, listener, edges);
  }
  return nodes;
}

/** A listener's forwards, each labelled with what its rule matches and its priority: which service answers what. */
function forwardEdges(stack: StackResources, listener: StackResource, edges: DiagramEdge[]): void {
  const forwards = [
    ...blocks(listener.config.default_action).map((action) => ({ action, label: "forward" })),
    ...stack
      .referringTo(listener.address, "aws_lb_listener_rule")
      .flatMap((rule) => blocks(rule.config.action).map((action) => ({ action, label: `forward ${ruleMatch(rule.config)}` }))),
  ].filter(({ action }) => action.type === "forward");
  const seen = new Set<string>();
  for (const { action, label } of forwards) {
    for (const targetGroup of referencesIn(action.target_group_arn)) {
      if (seen.has(`${targetGroup} ${label}`)) continue;
      seen.add(`${targetGroup} ${label}`);
      edges.push({ from: id(listener.address), to: id(targetGroup), label });
    }
  }
}

/** The target groups, and the flows on to the tasks of their services, with what the tasks' security groups admit. */
function targetGroups(stack: StackResources, edges: DiagramEdge[]): DiagramNode[] {
  const loadBalancerGroups = stack.ofType("aws_lb", "aws_alb").flatMap((lb) => referencesIn(lb.config.security_groups));
  return stack.ofType("aws_lb_target_group").map((targetGroup) => {
    const tgId = id(targetGroup.address);
    const check = blocks(targetGroup.config.health_check)[0];
    const name = typeof targetGroup.config.name === "string" ? ` ${targetGroup.config.name}` : "";
    const services = stack
      .ofType("aws_ecs_service")
      .filter((service) => referencesIn(service.config.load_balancer).includes(targetGroup.address));
    for (const service of services) {
      const taskGroups = blocks(service.config.network_configuration).flatMap((n) => referencesIn(n.security_groups));
      const admitted = ingressOf(stack, taskGroups, loadBalancerGroups).join(", ");
      const subnets = blocks(service.config.network_configuration).flatMap((n) => subnetsIn(n.subnets));
      for (const subnet of subnets) edges.push({ from: tgId, to: id(`tasks ${subnet}`), label: admitted || undefined });
    }
    return { id: tgId, label: `Target group${name} :${targetGroup.config.port}${check?.path ? ` ${check.path}` : ""}` };
  });
}

/** The subnets a value names: by reference (`aws_subnet.private_1a`), or by ID for subnets that exist already. */
function subnetsIn(value: unknown): string[] {
  const ids = (Array.isArray(value) ? value : []).filter((item): item is string => typeof item === "string" && !item.includes("${"));
  return [...referencesIn(value), ...ids];
}

/** A listener rule's conditions and priority, as `/api/* admin.example.com (10)`. */
function ruleMatch(rule: Record<string, unknown>): string {
  const values = blocks(rule.condition).flatMap((condition) =>
    [...blocks(condition.path_pattern), ...blocks(condition.host_header)].flatMap((match) =>
      Array.isArray(match.values) ? match.values : [],
    ),
  );
  return `${values.join(" ")}${rule.priority === undefined ? "" : ` (${rule.priority})`}`.trim();
}

/** What a set of security groups admits, as `tcp 80 from 0.0.0.0/0`; the load balancer's groups named as such. */
function ingressOf(stack: StackResources, groups: readonly string[], loadBalancerGroups: readonly string[] = []): string[] {
  return securityGroupRules(stack)
    .filter((rule) => rule.direction === "ingress" && groups.includes(rule.group))
    .map((rule) => {
      const sources = [
        ...rule.cidrs,
        ...rule.sourceGroups.map((group) => (loadBalancerGroups.includes(group) ? "the load balancer only" : group)),
        ...rule.otherSources.map((source) => (isExistingLoadBalancerGroup(source) ? "the load balancer only" : source)),
      ];
      return `${portsOf(rule)} from ${sources.join(" ")}`;
    });
}

/** Who hears: the topic, what tells it (alarms, failed deployments) and its subscribers. */
function notifications(stack: StackResources, regional: DiagramNode[], edges: DiagramEdge[]): DiagramNode[] {
  const people: DiagramNode[] = [];
  for (const topic of stack.ofType("aws_sns_topic")) {
    const topicId = id(topic.address);
    regional.push({ id: topicId, label: `SNS topic ${str(topic.config.name) ?? ""}`.trim() });
    const subscriptions = stack.referringTo(topic.address, "aws_sns_topic_subscription");
    const endpoints = subscriptions.flatMap((subscription) => {
      const listed = /^\$\{toset\((\[.*\])\)\}$/.exec(String(subscription.config.for_each ?? ""));
      return listed ? (JSON.parse(listed[1]) as string[]) : [String(subscription.config.endpoint)];
    });
    if (endpoints.length) {
      people.push({ id: `${topicId}_subscribers`, label: `Subscribers: ${endpoints.join(", ")}` });
      edges.push({ from: topicId, to: `${topicId}_subscribers`, label: "notifies" });
    }
    for (const service of stack.ofType("aws_ecs_service")) {
      const alarms = blocks(service.config.alarms).flatMap((one) => referencesIn(one.alarm_names));
      if (alarms.length) {
        const alarmsId = id(`alarms ${service.address}`);
        regional.push({
          id: alarmsId,
          label: `Alarms of ${str(service.config.name) ?? service.name}: 5xx, unhealthy targets, p95 response time`,
        });
        edges.push({ from: alarmsId, to: topicId, label: "alarm / ok" });
        edges.push({ from: alarmsId, to: id(service.address), label: "roll back a deployment", dashed: true });
      }
      const rules = stack
        .ofType("aws_cloudwatch_event_rule")
        .filter((rule) => referencesIn(rule.config.event_pattern).includes(service.address));
      if (rules.length) edges.push({ from: id(service.address), to: topicId, label: "failed deployments", dashed: true });
    }
  }
  return people;
}

function serviceNode(stack: StackResources, service: StackResource): DiagramNode {
  const taskDefinition = stack
    .ofType("aws_ecs_task_definition")
    .find((one) => referencesIn(service.config.task_definition).includes(one.address));
  const containers = parseDocument(taskDefinition?.config.container_definitions);
  const written = Array.isArray(containers) ? String(containers[0]?.image ?? "") : "";
  // An image releases deploy is the parameter's: drawn as the first one.
  const parameter = stack.ofType("aws_ssm_parameter").find((one) => referencesIn(written).includes(one.address));
  const image = parameter ? `${str(parameter.config.insecure_value) ?? ""} then releases` : written;
  const spot = blocks(service.config.capacity_provider_strategy).some((provider) => provider.capacity_provider === "FARGATE_SPOT");
  const size = taskDefinition ? `${Number(taskDefinition.config.cpu) / 1024} vCPU, ${Number(taskDefinition.config.memory) / 1024} GB` : "";
  return {
    id: id(service.address),
    label: `Service ${str(service.config.name) ?? ""}: ${service.config.desired_count} × ${image} (${size}${spot ? ", Spot" : ""})`,
  };
}

/** DNS names (not the certificate's validation records) pointing at the load balancer, and the certificate. */
function dnsNodes(stack: StackResources, edges: DiagramEdge[]): DiagramNode[] {
  const nodes: DiagramNode[] = [];
  const lb = stack.ofType("aws_lb", "aws_alb")[0];
  for (const record of stack.ofType("aws_route53_record").filter((one) => blocks(one.config.alias).length)) {
    const name = str(record.config.name) ?? (record.config.for_each ? "aliases" : record.name);
    nodes.push({ id: id(record.address), label: `DNS ${name}` });
    edges.push({ from: "internet", to: id(record.address), label: "resolves", dashed: true });
    if (lb) edges.push({ from: id(record.address), to: id(lb.address), label: "alias", dashed: true });
  }
  const certificate = stack.ofType("aws_acm_certificate")[0];
  if (certificate) nodes.push({ id: "certificate", label: `ACM certificate ${str(certificate.config.domain_name) ?? ""}`.trim() });
  return nodes;
}
