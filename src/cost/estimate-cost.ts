import { blocks, referencesIn, type StackResource, StackResources, type TerraformJson } from "../terraform/terraform-json";
import { HOURS_PER_MONTH, PRICES, type RegionPrices } from "./prices";
import { priceQueue, priceQuietHours, priceSchedule, priceServiceConnect } from "./workload-costs";

/** What the stack will carry in a month: zero unless the user gives figures. */
export interface Usage {
  readonly requestsPerMonth: number;
  /** Container and Exec logs written, in GB. */
  readonly logGbPerMonth: number;
  /** Traffic through the NAT gateways, in GB. */
  readonly natGbPerMonth: number;
  /** VPC flow logs written, in GB. */
  readonly flowLogGbPerMonth: number;
  /**
   * Requests to the workers' queues (sends, receives, deletes, empty receives of long polling), shared by the queues.
   * @default 0
   */
  readonly queueRequestsPerMonth?: number;
  /**
   * Minutes a job's run takes, by its schedule's name (`schedule.expectedRunMinutes`).
   * @default - 5 minutes each
   */
  readonly jobRunMinutes?: Readonly<Record<string, number>>;
}

export const NO_USAGE: Usage = { requestsPerMonth: 0, logGbPerMonth: 0, natGbPerMonth: 0, flowLogGbPerMonth: 0 };

/** One priced item: what, for which resource, how much of it, and its monthly cost in dollars. */
export interface CostLine {
  readonly item: string;
  readonly address: string;
  readonly quantity: number;
  readonly unit: string;
  readonly monthly: number;
}

export interface CostEstimate {
  readonly region: string;
  readonly currency: "USD";
  readonly monthly: number;
  readonly lines: readonly CostLine[];
  /** Resources of types this estimate has no price for. */
  readonly notPriced: readonly string[];
  /** With more than one service: what they share, and what one stack per service would cost instead. */
  readonly sharing?: SharingSavings;
}

/** What several services on one platform save against each having a stack (VPC, NAT, load balancer, cluster) of its own. */
export interface SharingSavings {
  readonly services: number;
  /** The monthly cost of the shared parts: everything but the tasks, their logs and their own Container Insights metrics. */
  readonly shared: number;
  /** The monthly cost of one stack per service, each with the same shared parts. */
  readonly separately: number;
  readonly saved: number;
}

/** Types AWS does not bill for by themselves (what they carry is priced on the resources that bill it). */
const FREE = new Set([
  "aws_vpc",
  "aws_subnet",
  "aws_internet_gateway",
  "aws_route_table",
  "aws_route",
  "aws_route_table_association",
  "aws_security_group",
  "aws_security_group_rule",
  "aws_vpc_security_group_ingress_rule",
  "aws_vpc_security_group_egress_rule",
  "aws_default_security_group",
  "aws_iam_role",
  "aws_iam_role_policy",
  "aws_iam_policy",
  "aws_iam_role_policy_attachment",
  "aws_lb_listener",
  "aws_lb_listener_rule",
  "aws_lb_target_group",
  "aws_ecs_cluster_capacity_providers",
  "aws_ecs_task_definition",
  "aws_acm_certificate",
  "aws_acm_certificate_validation",
  "aws_route53_record",
  "aws_appautoscaling_target",
  "aws_appautoscaling_policy",
  "aws_s3_bucket_policy",
  "aws_s3_bucket_public_access_block",
  "aws_s3_bucket_ownership_controls",
  "aws_s3_bucket_server_side_encryption_configuration",
  "aws_s3_bucket_lifecycle_configuration",
  "aws_s3_bucket_versioning",
  "aws_wafv2_web_acl_association",
  // Standard parameters; AWS services' events on the default bus; the topic's parts (deliveries bill on the topic).
  "aws_ssm_parameter",
  "aws_cloudwatch_event_rule",
  "aws_cloudwatch_event_target",
  "aws_sns_topic_policy",
  "aws_sns_topic_subscription",
  "aws_iam_openid_connect_provider",
  // A queue's policies and an HTTP namespace bill nothing; what runs through them is priced on the queue and the services.
  "aws_sqs_queue_policy",
  "aws_sqs_queue_redrive_policy",
  "aws_sqs_queue_redrive_allow_policy",
  "aws_service_discovery_http_namespace",
  "aws_scheduler_schedule_group",
  // Priced on the schedule that starts it.
  "aws_sfn_state_machine",
  // Priced as what quiet hours save, once every service is.
  "aws_appautoscaling_scheduled_action",
]);

/** Metrics Container Insights writes: per cluster, and per service (tasks add none of their own at this level). */
const INSIGHTS_METRICS = { cluster: 8, service: 11 };

const round = (dollars: number) => Math.round(dollars * 100) / 100;

/**
 * The monthly cost of a stack's synthesized Terraform in its region: every resource that bills,
 * line by line, at 730 hours a month, with the traffic and log volume of `usage` (zero unless
 * given). Resources of a type it has no price for are listed as not priced.
 */
export function estimateCost(json: TerraformJson, region: string, usage: Usage = NO_USAGE): CostEstimate {
  const prices = PRICES[region];
  if (!prices) throw new Error(`cost: no prices for region ${region}; priced: ${Object.keys(PRICES).join(", ")}`);
  const stack = new StackResources(json);
  const lines: CostLine[] = [];
  const add = (item: string, address: string, quantity: number, unit: string, price: number) =>
    lines.push({ item, address, quantity: Math.round(quantity * 1e5) / 1e5, unit, monthly: round(quantity * price) });
  const hours = (item: string, address: string, count: number, price: number, unit = "hours") =>
    add(item, address, count * HOURS_PER_MONTH, unit, price);
  const notPriced: string[] = [];
  const logGroups = stack.ofType("aws_cloudwatch_log_group");
  const flowGroups = logGroups.filter((group) => stack.referringTo(group.address, "aws_flow_log").length).length;
  const groups = { flow: Math.max(1, flowGroups), other: Math.max(1, logGroups.length - flowGroups) };

  for (const resource of stack.all()) {
    const { type, address, config } = resource;
    switch (type) {
      case "aws_nat_gateway":
        hours("NAT gateway", address, 1, prices.natGatewayHour);
        break;
      case "aws_eip":
        hours("Public IPv4 address (elastic IP)", address, 1, prices.publicIpv4Hour);
        break;
      case "aws_lb":
      case "aws_alb":
        if ((config.load_balancer_type ?? "application") !== "application") {
          notPriced.push(address);
          break;
        }
        hours("Application Load Balancer", address, 1, prices.albHour);
        // New connections are the largest dimension for short requests: 25 a second make an LCU.
        add(
          "Load balancer capacity units",
          address,
          (usage.requestsPerMonth / (HOURS_PER_MONTH * 3600) / 25) * HOURS_PER_MONTH,
          "LCU-hours",
          prices.albLcuHour,
        );
        if (config.internal !== true) {
          const subnets = Array.isArray(config.subnets) ? config.subnets.length : 0;
          hours("Public IPv4 addresses of the load balancer (one per zone)", address, subnets, prices.publicIpv4Hour, "address-hours");
        }
        break;
      case "aws_ecs_service":
        priceService(stack, resource, prices, hours);
        priceServiceConnect(resource, prices, add);
        break;
      case "aws_sqs_queue":
        priceQueue(stack, resource, usage.queueRequestsPerMonth ?? 0, prices, add);
        break;
      case "aws_scheduler_schedule":
        priceSchedule(stack, resource, usage.jobRunMinutes ?? {}, prices, add);
        break;
      case "aws_ecs_cluster":
        if (blocks(config.setting).some((setting) => setting.name === "containerInsights" && setting.value !== "disabled")) {
          const services = stack.referringTo(address, "aws_ecs_service").length;
          add(
            "Container Insights metrics",
            address,
            INSIGHTS_METRICS.cluster + INSIGHTS_METRICS.service * services,
            "metrics",
            prices.metricMonth,
          );
        }
        break;
      case "aws_cloudwatch_log_group": {
        const flowLogs = stack.referringTo(address, "aws_flow_log").length > 0;
        // The volumes given are totals: shared by the groups that receive them.
        const gb = flowLogs ? usage.flowLogGbPerMonth / groups.flow : usage.logGbPerMonth / groups.other;
        add(
          flowLogs ? "Flow logs ingested" : "Logs ingested",
          address,
          gb,
          "GB",
          flowLogs ? prices.vendedLogsIngestGb : prices.logsIngestGb,
        );
        // Kept a month or more, a month's logs are stored the whole month.
        add("Logs stored", address, gb, "GB-months", prices.logsStorageGbMonth);
        break;
      }
      case "aws_flow_log":
        break; // billed as the logs its log group ingests
      case "aws_wafv2_web_acl": {
        const rules = blocks(config.rule).length;
        add("WAF web ACL", address, 1, "web ACLs", prices.wafWebAclMonth);
        add("WAF rules", address, rules, "rules", prices.wafRuleMonth);
        add("WAF requests", address, usage.requestsPerMonth / 1e6, "million requests", prices.wafMillionRequests);
        break;
      }
      case "aws_cloudwatch_metric_alarm":
        add("CloudWatch alarm", address, 1, "alarms", prices.metricAlarmMonth);
        break;
      case "aws_sns_topic":
        // Publishing and the first 1,000 e-mails a month are free: alarms and failed deployments stay well within.
        add("SNS topic (notifications within the free 1,000 e-mails a month)", address, 0, "100,000 e-mails", prices.snsEmail100k);
        break;
      case "aws_route53_zone":
        add("Route 53 hosted zone", address, 1, "zones", prices.hostedZoneMonth);
        break;
      case "aws_kms_key":
        add("KMS key", address, 1, "keys", prices.kmsKeyMonth);
        break;
      case "aws_s3_bucket":
        add("S3 storage", address, 0, "GB-months", prices.s3GbMonth);
        break;
      default:
        if (!FREE.has(type)) notPriced.push(address);
    }
  }
  priceQuietHours(stack, lines, add);
  if (usage.natGbPerMonth > 0) {
    const nat = stack.ofType("aws_nat_gateway")[0];
    if (nat) add("NAT gateway data processed", nat.address, usage.natGbPerMonth, "GB", prices.natGatewayGb);
  }
  const monthly = round(lines.reduce((sum, line) => sum + line.monthly, 0));
  return { region, currency: "USD", monthly, lines, notPriced, sharing: sharingSavings(stack, lines, monthly, prices) };
}

/** What a service has for itself: its tasks, alarms, queues, a job's schedule, state machine and runs, quiet hours. */
const OWN_TYPES = [
  "aws_ecs_service",
  "aws_cloudwatch_metric_alarm",
  "aws_sqs_queue",
  "aws_scheduler_schedule",
  "aws_sfn_state_machine",
  "aws_ecs_task_definition",
  "aws_appautoscaling_scheduled_action",
];

/**
 * The shared parts' cost, counted once per service when each service has a stack of its own. A
 * service's own are its tasks (priced on the ECS service), the log groups its task definition
 * writes to, its alarms, and its Container Insights metrics; the rest is shared.
 */
function sharingSavings(
  stack: StackResources,
  lines: readonly CostLine[],
  monthly: number,
  prices: RegionPrices,
): SharingSavings | undefined {
  const services = stack.ofType("aws_ecs_service").length;
  if (services < 2) return undefined;
  const containerLogs = new Set(stack.ofType("aws_ecs_task_definition").flatMap((task) => referencesIn(task.config.container_definitions)));
  const own = lines
    .filter((line) => OWN_TYPES.some((type) => line.address.startsWith(`${type}.`)) || containerLogs.has(line.address))
    .reduce((sum, line) => sum + line.monthly, 0);
  const insights = lines.some((line) => line.item === "Container Insights metrics")
    ? INSIGHTS_METRICS.service * services * prices.metricMonth
    : 0;
  const shared = round(monthly - own - insights);
  return { services, shared, separately: round(monthly + shared * (services - 1)), saved: round(shared * (services - 1)) };
}

/** A service's tasks: vCPU and memory of its task definition, on Fargate or Fargate Spot, x86 or ARM, and their public addresses. */
function priceService(
  stack: StackResources,
  service: StackResource,
  prices: RegionPrices,
  hours: (item: string, address: string, count: number, price: number, unit?: string) => void,
): void {
  const taskDefinition = stack
    .ofType("aws_ecs_task_definition")
    .find((one) => referencesIn(service.config.task_definition).includes(one.address));
  const tasks = Number(service.config.desired_count ?? 0);
  if (!taskDefinition) return;
  const vcpu = Number(taskDefinition.config.cpu) / 1024;
  const gb = Number(taskDefinition.config.memory) / 1024;
  const arm = blocks(taskDefinition.config.runtime_platform).some((platform) => platform.cpu_architecture === "ARM64");
  // ECS runs the base on the provider that declares it, then splits the rest by weight.
  const strategy = blocks(service.config.capacity_provider_strategy);
  const isSpot = (provider: Record<string, unknown>) => provider.capacity_provider === "FARGATE_SPOT";
  const total = (providers: Record<string, unknown>[], field: "base" | "weight") =>
    providers.reduce((sum, p) => sum + Number(p[field] ?? 0), 0);
  const base = Math.min(tasks, total(strategy, "base"));
  const spotBase = Math.min(base, total(strategy.filter(isSpot), "base"));
  const weights = total(strategy, "weight");
  const spotTasks = spotBase + (weights ? ((tasks - base) * total(strategy.filter(isSpot), "weight")) / weights : 0);
  const onDemandTasks = tasks - spotTasks;
  const kind = arm ? "ARM64" : "x86";
  const count = (n: number) => (n === 1 ? "1 task" : `${round(n)} tasks`);
  const [cpuPrice, gbPrice] = arm ? [prices.fargateArmVcpuHour, prices.fargateArmGbHour] : [prices.fargateVcpuHour, prices.fargateGbHour];
  const address = service.address;
  if (onDemandTasks > 0) {
    hours(`Fargate vCPU (${kind}), ${count(onDemandTasks)} × ${vcpu}`, address, onDemandTasks * vcpu, cpuPrice, "vCPU-hours");
    hours(`Fargate memory (${kind}), ${count(onDemandTasks)} × ${gb} GB`, address, onDemandTasks * gb, gbPrice, "GB-hours");
  }
  if (spotTasks > 0) {
    hours(
      `Fargate Spot vCPU (${kind}), ${count(spotTasks)} × ${vcpu}`,
      address,
      spotTasks * vcpu,
      cpuPrice * prices.fargateSpotShare,
      "vCPU-hours",
    );
    hours(
      `Fargate Spot memory (${kind}), ${count(spotTasks)} × ${gb} GB`,
      address,
      spotTasks * gb,
      gbPrice * prices.fargateSpotShare,
      "GB-hours",
    );
  }
  if (blocks(service.config.network_configuration).some((network) => network.assign_public_ip === true)) {
    hours("Public IPv4 addresses of the tasks", address, tasks, prices.publicIpv4Hour, "address-hours");
  }
}
