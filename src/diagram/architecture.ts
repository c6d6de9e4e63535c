import { isExistingLoadBalancerGroup, portsOf, securityGroupRules } from "../checks/stack-queries";
import { blocks, parseDocument, referencesIn, type StackResource, StackResources, type TerraformJson } from "../terraform/terraform-json";
import type { Chapter, DiagramEdge, DiagramNode, Group } from "./diagram-parts";
import { jobNode, jobsOf, workloads } from "./workloads";

export { CHAPTERS, type Chapter, type DiagramEdge, type DiagramNode, type Group, type GroupKind } from "./diagram-parts";

/** An environment as an architect draws it: the internet outside, the region holding the VPC and its zones, the flows between. */
export interface Architecture {
  readonly title: string;
  readonly outside: readonly DiagramNode[];
  readonly region: Group;
  readonly edges: readonly DiagramEdge[];
}

const id = (address: string) => address.replace(/[^A-Za-z0-9]/g, "_");
const str = (value: unknown) => (typeof value === "string" && !value.includes("${") ? value : undefined);
const nameOf = (resource: StackResource) => str(resource.config.name) ?? resource.name;

/** A task box: one service's tasks in one subnet. */
interface Tasks {
  readonly id: string;
  readonly service: StackResource;
  readonly subnet: string;
}

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
  const taskSubnets = new Set(services.flatMap(serviceSubnets));
  const tasks: Tasks[] = [];
  const loadBalancers = stack.ofType("aws_lb", "aws_alb");
  const loadBalancerSubnets = new Set(loadBalancers.flatMap((lb) => subnetsIn(lb.config.subnets)));
  /** What the stack puts in a subnet: a load balancer node where its addresses live, NAT gateways, each service's tasks. */
  const subnetNodes = (subnet: string): DiagramNode[] => {
    const nodes: DiagramNode[] = [];
    for (const lb of loadBalancers.filter((one) => subnetsIn(one.config.subnets).includes(subnet))) {
      const nodeId = id(`lb ${subnet}`);
      nodes.push({ id: nodeId, label: "load balancer node", chapter: "alb" });
      edges.push({ from: id(lb.address), to: nodeId, dashed: true, chapter: "alb", near: true });
    }
    for (const nat of stack.referringTo(subnet, "aws_nat_gateway"))
      nodes.push({ id: id(nat.address), label: "NAT gateway", chapter: "vpc" });
    for (const service of services.filter((one) => serviceSubnets(one).includes(subnet))) {
      const taskId = id(`tasks ${service.address} ${subnet}`);
      nodes.push({ id: taskId, label: services.length > 1 ? `Fargate tasks ${nameOf(service)}` : "Fargate tasks", chapter: "ecs" });
      tasks.push({ id: taskId, service, subnet });
    }
    return nodes;
  };

  for (const vpc of [...stack.ofType("aws_vpc"), ...stack.lookupsOf("aws_vpc")]) {
    const existing = vpc.address.startsWith("data.");
    const zones: Group[] = [];
    // Zones as they read: a before c before d.
    for (const [zone, subnets] of [...subnetsByZone].sort(([a], [b]) => a.localeCompare(b))) {
      const subnetGroups = subnets
        .filter((subnet) => referencesIn(subnet.config.vpc_id).includes(vpc.address))
        .sort((a, b) => a.name.localeCompare(b.name))
        .map((subnet): Group => {
          const kind = subnet.name.startsWith("public") ? "public" : subnet.name.startsWith("private") ? "private" : subnet.name;
          const label = `${kind} subnet ${str(subnet.config.cidr_block) ?? ""}`.trim();
          return { id: id(subnet.address), label, nodes: subnetNodes(subnet.address), groups: [], kind: "subnet", chapter: "vpc" };
        });
      if (subnetGroups.length)
        zones.push({ id: id(`zone ${zone}`), label: zone, nodes: [], groups: subnetGroups, kind: "zone", chapter: "vpc" });
    }
    if (existing) {
      // Subnets that exist already are known by their IDs only: a box each, holding what the stack puts there.
      const given = [...new Set([...loadBalancerSubnets, ...taskSubnets])].filter((subnet) => !subnet.includes(".")).sort();
      zones.push(
        ...given.map(
          (subnet): Group => ({
            id: id(subnet),
            label: `subnet ${subnet}`,
            nodes: subnetNodes(subnet),
            groups: [],
            kind: "subnet",
            chapter: "vpc",
            existing,
          }),
        ),
      );
    }
    const vpcNodes: DiagramNode[] = [];
    for (const igw of stack.referringTo(vpc.address, "aws_internet_gateway")) {
      vpcNodes.push({ id: id(igw.address), label: "Internet gateway", chapter: "vpc" });
      edges.push({ from: id(igw.address), to: "internet", label: "out", chapter: "vpc", outbound: true, near: true });
    }
    for (const lb of loadBalancers) vpcNodes.push(...loadBalancer(stack, lb, regional, edges));
    for (const listener of stack.lookupsOf("aws_lb_listener")) {
      vpcNodes.push({ id: id(listener.address), label: "Listener of an existing load balancer", chapter: "alb" });
      edges.push({ from: "internet", to: id(listener.address), chapter: "alb" });
      forwardEdges(stack, listener, edges);
    }
    vpcNodes.push(...targetGroups(stack, tasks, edges));
    // A VPC's flow logs are drawn in it: they record its traffic, and write it out of it.
    for (const flowLog of stack.referringTo(vpc.address, "aws_flow_log")) {
      const traffic = str(flowLog.config.traffic_type)?.toLowerCase();
      vpcNodes.push({ id: id(flowLog.address), label: `VPC flow logs${traffic ? ` (${traffic} traffic)` : ""}`, chapter: "beyond" });
    }
    const label = existing ? `VPC ${str(vpc.config.id) ?? ""} (existing)` : `VPC ${str(vpc.config.cidr_block) ?? ""}`.trim();
    vpcGroups.push({ id: id(vpc.address), label, nodes: vpcNodes, groups: zones, kind: "vpc", chapter: "vpc", existing });
  }

  // Traffic out of the tasks: through their zone's NAT gateway, or straight out with public addresses.
  for (const nat of stack.ofType("aws_nat_gateway")) {
    const igw = stack.ofType("aws_internet_gateway")[0];
    if (igw) edges.push({ from: id(nat.address), to: id(igw.address), chapter: "vpc", outbound: true, near: true });
  }
  for (const box of tasks) {
    const routeTable = stack
      .ofType("aws_route_table_association")
      .find((association) => referencesIn(association.config.subnet_id).includes(box.subnet));
    const route = stack
      .ofType("aws_route")
      .find(
        (one) =>
          routeTable &&
          referencesIn(one.config.route_table_id).some((table) => referencesIn(routeTable.config.route_table_id).includes(table)),
      );
    const via = route && (referencesIn(route.config.nat_gateway_id)[0] ?? referencesIn(route.config.gateway_id)[0]);
    if (via) edges.push({ from: box.id, to: id(via), label: "egress", chapter: "vpc", outbound: true });
  }

  const logGroupChapters = new Map<string, Chapter>();
  const roles = new Map<string, string>();
  /** Each service's logs and roles, in the order they are met. */
  const servicesParts: string[] = [];
  const jobs = jobsOf(stack);
  const clusterGroups: Group[] = [...stack.ofType("aws_ecs_cluster"), ...stack.lookupsOf("aws_ecs_cluster")].map((cluster, index) => {
    const inCluster = stack.referringTo(cluster.address, "aws_ecs_service");
    // A job runs in the cluster its state machine names (the first cluster when it names none).
    const jobsHere = jobs.filter((job) => job.cluster === cluster.address || (!job.cluster && index === 0));
    const owners = [
      ...inCluster.map((service) => ({ ownerId: id(service.address), service, taskDefinition: taskDefinitionOf(stack, service) })),
      ...jobsHere.map((job) => ({ ownerId: id(job.taskDefinition.address), service: undefined, taskDefinition: job.taskDefinition })),
    ];
    for (const { ownerId, service, taskDefinition } of owners) {
      for (const box of tasks.filter((one) => service && one.service === service))
        edges.push({ from: ownerId, to: box.id, dashed: true, chapter: "ecs" });
      for (const group of referencesIn(taskDefinition?.config.container_definitions).filter((address) =>
        address.startsWith("aws_cloudwatch_log_group."),
      )) {
        logGroupChapters.set(group, "ecs");
        servicesParts.push(group);
        edges.push({ from: ownerId, to: id(group), label: "logs", dashed: true, chapter: "ecs" });
      }
      const runsAs = [
        { argument: "task_role_arn", kind: "Task role", label: "runs as" },
        { argument: "execution_role_arn", kind: "Execution role", label: "pulls, logs with" },
      ];
      for (const { argument, kind, label } of runsAs) {
        for (const role of referencesIn(taskDefinition?.config[argument]).filter((address) => address.startsWith("aws_iam_role."))) {
          roles.set(role, kind);
          servicesParts.push(role);
          edges.push({ from: ownerId, to: id(role), label, dashed: true, chapter: "ecs" });
        }
      }
    }
    const execLogs = blocks(cluster.config.configuration).flatMap((configuration) =>
      referencesIn(configuration.execute_command_configuration).filter((address) => address.startsWith("aws_cloudwatch_log_group.")),
    );
    for (const group of execLogs) {
      logGroupChapters.set(group, "beyond");
      edges.push({ from: id(cluster.address), to: id(group), label: "ECS Exec sessions", dashed: true, chapter: "beyond" });
    }
    const existing = cluster.address.startsWith("data.");
    const label = existing
      ? `ECS cluster ${str(cluster.config.cluster_name) ?? ""} (existing)`
      : `ECS cluster ${str(cluster.config.name) ?? ""}`.trim();
    const nodes = [...inCluster.map((service) => serviceNode(stack, service)), ...jobsHere.map(jobNode)];
    return { id: id(cluster.address), label, nodes, groups: [], kind: "cluster" as const, chapter: "ecs" as const, existing };
  });

  for (const flowLog of stack.ofType("aws_flow_log")) {
    for (const group of referencesIn(flowLog.config.log_destination)) {
      logGroupChapters.set(group, "beyond");
      edges.push({ from: id(flowLog.address), to: id(group), label: "writes", dashed: true, chapter: "beyond" });
    }
    for (const role of referencesIn(flowLog.config.iam_role_arn)) {
      roles.set(role, "IAM role");
      edges.push({ from: id(flowLog.address), to: id(role), label: "delivers as", dashed: true, chapter: "beyond" });
    }
  }
  // Logs and roles, each service's in turn: drawn next to their service, not across the others'.
  const logsAndRoles: { address: string; node: DiagramNode }[] = [];
  for (const group of stack.ofType("aws_cloudwatch_log_group")) {
    const flows = stack.referringTo(group.address, "aws_flow_log").length > 0;
    const label = flows ? "Logs of the flows" : `Logs ${str(group.config.name) ?? ""}`.trim();
    logsAndRoles.push({ address: group.address, node: { id: id(group.address), label, chapter: logGroupChapters.get(group.address) } });
  }
  workloads(stack, regional, edges, roles);
  outside.push(...deployRoles(stack, roles, edges));
  for (const role of stack.ofType("aws_iam_role")) {
    const kind = roles.get(role.address) ?? "IAM role";
    const chapter = kind === "Task role" || kind === "Execution role" ? "ecs" : "beyond";
    logsAndRoles.push({ address: role.address, node: { id: id(role.address), label: `${kind} ${nameOf(role)}`, chapter } });
  }
  const rank = (address: string) => (servicesParts.includes(address) ? servicesParts.indexOf(address) : servicesParts.length);
  regional.push(...logsAndRoles.sort((a, b) => rank(a.address) - rank(b.address)).map(({ node }) => node));
  const logBuckets = new Set(
    loadBalancers
      .flatMap((lb) => blocks(lb.config.access_logs).flatMap((logs) => referencesIn(logs.bucket)))
      .map((address) => bucketOf(stack, address)),
  );
  for (const bucket of stack.ofType("aws_s3_bucket")) {
    const logs = logBuckets.has(bucket.address);
    regional.push({
      id: id(bucket.address),
      label: logs ? "S3 access logs" : `S3 ${str(bucket.config.bucket) ?? bucket.name}`,
      chapter: logs ? "beyond" : undefined,
    });
  }

  // ACM is regional: the certificate sits in the region, beside the load balancer it serves.
  for (const certificate of stack.ofType("aws_acm_certificate")) {
    regional.push({
      id: id(certificate.address),
      label: `ACM certificate ${str(certificate.config.domain_name) ?? ""}`.trim(),
      chapter: "https",
    });
  }
  outside.push(...notifications(stack, regional, edges));

  return {
    title,
    outside: [...outside, ...dnsNodes(stack, edges)],
    region: { id: "region", label: `AWS ${region}`, kind: "region", nodes: regional, groups: [...vpcGroups, ...clusterGroups] },
    edges,
  };
}

const serviceSubnets = (service: StackResource) => blocks(service.config.network_configuration).flatMap((n) => subnetsIn(n.subnets));

const taskDefinitionOf = (stack: StackResources, service: StackResource) =>
  stack.ofType("aws_ecs_task_definition").find((one) => referencesIn(service.config.task_definition).includes(one.address));

/** The certificate a listener serves: named directly, or through its validation (which waits for it to be issued). */
function certificateOf(stack: StackResources, listener: StackResource): StackResource | undefined {
  const named = referencesIn(listener.config.certificate_arn);
  const through = stack.all().filter((resource) => named.includes(resource.address));
  return stack
    .ofType("aws_acm_certificate")
    .find((one) => named.includes(one.address) || through.some((resource) => referencesIn(resource.config).includes(one.address)));
}

/** The bucket a reference names: the bucket itself, or the one a resource configuring it (its policy) is for. */
function bucketOf(stack: StackResources, address: string): string {
  if (address.startsWith("aws_s3_bucket.")) return address;
  const configuring = stack.all().find((resource) => resource.address === address);
  return referencesIn(configuring?.config.bucket).find((bucket) => bucket.startsWith("aws_s3_bucket.")) ?? address;
}

/** The load balancer, its listeners, the flows into it (with what its security group admits) and the regional services at its edge. */
function loadBalancer(stack: StackResources, lb: StackResource, regional: DiagramNode[], edges: DiagramEdge[]): DiagramNode[] {
  const lbId = id(lb.address);
  const nodes: DiagramNode[] = [{ id: lbId, label: `Application Load Balancer ${str(lb.config.name) ?? ""}`.trim(), chapter: "alb" }];
  const groups = referencesIn(lb.config.security_groups);
  const ports = ingressOf(stack, groups).join(", ");
  edges.push({ from: "internet", to: lbId, label: ports ? `${ports} (security group)` : undefined, chapter: "alb" });
  // A web ACL is regional, in front of the load balancer rather than in the VPC.
  for (const acl of stack.referringTo(lb.address, "aws_wafv2_web_acl_association")) {
    regional.push({ id: id(acl.address), label: "WAF web ACL", chapter: "beyond" });
    edges.push({ from: id(acl.address), to: lbId, label: "filters", dashed: true, chapter: "beyond" });
  }
  for (const logs of blocks(lb.config.access_logs).filter((one) => one.enabled === true)) {
    for (const bucket of referencesIn(logs.bucket)) {
      edges.push({ from: lbId, to: id(bucketOf(stack, bucket)), label: "access logs", dashed: true, chapter: "beyond" });
    }
  }
  for (const listener of stack.referringTo(lb.address, "aws_lb_listener", "aws_alb_listener")) {
    const protocol = String(listener.config.protocol ?? "HTTP");
    const actions = blocks(listener.config.default_action).map((action) => String(action.type));
    const listenerId = id(listener.address);
    const chapter = protocol === "HTTPS" ? "https" : "alb";
    nodes.push({ id: listenerId, label: `${protocol} :${listener.config.port} (${actions.join(", ")})`, chapter });
    edges.push({ from: lbId, to: listenerId, chapter });
    const certificate = certificateOf(stack, listener);
    if (certificate) edges.push({ from: id(certificate.address), to: listenerId, label: "TLS", dashed: true, chapter: "https" });
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
      edges.push({ from: id(listener.address), to: id(targetGroup), label, chapter: "ecs" });
    }
  }
}

/** The target groups, and the flows on to their services' own tasks, with what the tasks' security groups admit. */
function targetGroups(stack: StackResources, tasks: readonly Tasks[], edges: DiagramEdge[]): DiagramNode[] {
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
      for (const box of tasks.filter((one) => one.service === service)) {
        edges.push({ from: tgId, to: box.id, label: admitted || undefined, chapter: "ecs" });
      }
    }
    const label = `Target group${name} :${targetGroup.config.port}${check?.path ? ` ${check.path}` : ""}`;
    return { id: tgId, label, chapter: "ecs" as const };
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

/**
 * Who deploys: the CI (GitHub Actions, through an OpenID Connect provider) assuming its roles, each
 * labelled with the events it may on; and what a role releases to. Roles drawn are named in `roles`.
 */
function deployRoles(stack: StackResources, roles: Map<string, string>, edges: DiagramEdge[]): DiagramNode[] {
  const nodes: DiagramNode[] = [];
  for (const provider of stack.ofType("aws_iam_openid_connect_provider")) {
    const trusting = stack.ofType("aws_iam_role").filter((role) => referencesIn(role.config.assume_role_policy).includes(provider.address));
    const subjects = trusting.map((role) => ({ role, subject: subjectOf(role) }));
    const repository = subjects.map(({ subject }) => /^repo:([^:]+):/.exec(subject)?.[1]).find(Boolean);
    const github = String(provider.config.url ?? "").includes("githubusercontent.com");
    nodes.push({ id: id(provider.address), label: `${github ? "GitHub Actions" : "OpenID Connect"}${repository ? ` ${repository}` : ""}` });
    for (const { role, subject } of subjects) {
      roles.set(role.address, "Deploy role");
      const on = subject.replace(/^repo:[^:]+:/, "");
      edges.push({
        from: id(provider.address),
        to: id(role.address),
        label: on ? `assumes on ${on}` : "assumes",
        dashed: true,
        chapter: "beyond",
      });
      // A role whose policy names a service releases to it.
      const policies = stack.referringTo(role.address, "aws_iam_role_policy");
      for (const service of stack
        .ofType("aws_ecs_service")
        .filter((one) => policies.some((policy) => referencesIn(policy.config.policy).includes(one.address)))) {
        edges.push({ from: id(role.address), to: id(service.address), label: "releases", dashed: true, chapter: "beyond" });
      }
    }
  }
  return nodes;
}

/** The first subject a role's trust policy lets assume it (`repo:owner/name:pull_request`), or "". */
function subjectOf(role: StackResource): string {
  const document = parseDocument(role.config.assume_role_policy) as
    | { Statement?: { Condition?: Record<string, Record<string, unknown>> }[] }
    | undefined;
  for (const statement of document?.Statement ?? []) {
    for (const condition of Object.values(statement.Condition ?? {})) {
      for (const [key, value] of Object.entries(condition)) {
        const values = Array.isArray(value) ? value : [value];
        if (key.endsWith(":sub") && typeof values[0] === "string") return values[0];
      }
    }
  }
  return "";
}

/** Who hears: the topic, what tells it (alarms, failed deployments) and its subscribers. */
function notifications(stack: StackResources, regional: DiagramNode[], edges: DiagramEdge[]): DiagramNode[] {
  const people: DiagramNode[] = [];
  for (const topic of stack.ofType("aws_sns_topic")) {
    const topicId = id(topic.address);
    regional.push({ id: topicId, label: `SNS topic ${str(topic.config.name) ?? ""}`.trim(), chapter: "beyond" });
    const subscriptions = stack.referringTo(topic.address, "aws_sns_topic_subscription");
    const endpoints = subscriptions.flatMap((subscription) => {
      const listed = /^\$\{toset\((\[.*\])\)\}$/.exec(String(subscription.config.for_each ?? ""));
      return listed ? (JSON.parse(listed[1]) as string[]) : [String(subscription.config.endpoint)];
    });
    if (endpoints.length) {
      people.push({ id: `${topicId}_subscribers`, label: `Subscribers: ${endpoints.join(", ")}` });
      edges.push({ from: topicId, to: `${topicId}_subscribers`, label: "notifies", chapter: "beyond" });
    }
    for (const service of stack.ofType("aws_ecs_service")) {
      const alarms = blocks(service.config.alarms).flatMap((one) => referencesIn(one.alarm_names));
      if (alarms.length) {
        const alarmsId = id(`alarms ${service.address}`);
        regional.push({
          id: alarmsId,
          label: `Alarms of ${str(service.config.name) ?? service.name}: 5xx, unhealthy targets, p95 response time`,
          chapter: "beyond",
        });
        edges.push({ from: alarmsId, to: topicId, label: "alarm / ok", chapter: "beyond" });
        edges.push({ from: alarmsId, to: id(service.address), label: "roll back a deployment", dashed: true, chapter: "beyond" });
      }
      const rules = stack
        .ofType("aws_cloudwatch_event_rule")
        .filter((rule) => referencesIn(rule.config.event_pattern).includes(service.address));
      if (rules.length)
        edges.push({ from: id(service.address), to: topicId, label: "failed deployments", dashed: true, chapter: "beyond" });
    }
  }
  return people;
}

function serviceNode(stack: StackResources, service: StackResource): DiagramNode {
  const taskDefinition = taskDefinitionOf(stack, service);
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
    chapter: "ecs",
  };
}

/** DNS names (not the certificate's validation records) pointing at the load balancer; the certificate is regional. */
function dnsNodes(stack: StackResources, edges: DiagramEdge[]): DiagramNode[] {
  const nodes: DiagramNode[] = [];
  const lb = stack.ofType("aws_lb", "aws_alb")[0];
  for (const record of stack.ofType("aws_route53_record").filter((one) => blocks(one.config.alias).length)) {
    const name = str(record.config.name) ?? (record.config.for_each ? "aliases" : record.name);
    nodes.push({ id: id(record.address), label: `DNS ${name}`, chapter: "https" });
    edges.push({ from: "internet", to: id(record.address), label: "resolves", dashed: true, chapter: "https" });
    if (lb) edges.push({ from: id(record.address), to: id(lb.address), label: "alias", dashed: true, chapter: "https" });
  }
  return nodes;
}
