import type { ChangeKind } from "./plan";

/** How much a change disturbs the running service, worst first. */
export type Severity = "breaks" | "interrupts" | "restarts" | "none";

/** What a change means for the running service, in its users' terms. */
export interface Effect {
  readonly severity: Severity;
  readonly text: string;
}

/** A resource's change, as the effects below read it. */
export interface ChangeFacts {
  readonly kind: ChangeKind;
  readonly before: Record<string, unknown>;
  readonly after: Record<string, unknown>;
  /** Top-level attributes that change. */
  readonly changed: readonly string[];
}

type Describe = (change: ChangeFacts) => Effect | undefined;

const breaks = (text: string): Effect => ({ severity: "breaks", text });
const interrupts = (text: string): Effect => ({ severity: "interrupts", text });
const restarts = (text: string): Effect => ({ severity: "restarts", text });
const none = (text: string): Effect => ({ severity: "none", text });

const replaced = (kind: ChangeKind) => kind === "replace-destroy-first" || kind === "replace-create-first";
const gone = (kind: ChangeKind) => kind === "delete" || kind === "replace-destroy-first";
const value = (change: ChangeFacts, attribute: string) => change.after[attribute] ?? change.before[attribute];

/** Attributes of an ECS service whose change starts a new deployment: new tasks replace the running ones. */
const DEPLOYING_SERVICE_ATTRIBUTES = [
  "task_definition",
  "network_configuration",
  "load_balancer",
  "capacity_provider_strategy",
  "launch_type",
  "platform_version",
  "force_new_deployment",
  "service_connect_configuration",
  "volume_configuration",
  "enable_execute_command",
];

function serviceRollout(change: ChangeFacts): Effect {
  const minimum = Number(value(change, "deployment_minimum_healthy_percent") ?? 100);
  const desired = Number(value(change, "desired_count") ?? 0);
  const serving = Math.ceil((desired * minimum) / 100);
  return restarts(
    minimum >= 100
      ? "The service rolls out new tasks: they start beside the running ones, which stop once the new ones pass the health check; all tasks keep serving meanwhile."
      : `The service rolls out new tasks, stopping running ones first: ${serving} of ${desired} tasks keep serving meanwhile (minimum healthy ${minimum} %).`,
  );
}

const EFFECTS: Record<string, Describe> = {
  aws_vpc: ({ kind }) =>
    replaced(kind) || kind === "delete"
      ? breaks(
          "The VPC is destroyed" +
            (replaced(kind) ? " and created again: everything in it (subnets, NAT gateways, load balancer, tasks) is recreated" : "") +
            ": the service is down meanwhile and the load balancer gets a new DNS name.",
        )
      : undefined,
  aws_subnet: ({ kind }) =>
    gone(kind) || kind === "replace-create-first"
      ? interrupts(
          "The subnet is replaced: what runs in it (tasks, the load balancer's nodes, a NAT gateway) moves to the new one, and AWS refuses to delete a subnet while network interfaces remain in it.",
        )
      : undefined,
  aws_eip: ({ kind }) =>
    gone(kind) || kind === "replace-create-first"
      ? breaks(
          "The elastic IP is released: the NAT gateway's public address changes, and allow-lists elsewhere that name it stop matching.",
        )
      : kind === "create"
        ? none("An elastic IP is allocated (billed while it is in use: about $3.6 a month).")
        : undefined,
  aws_nat_gateway: ({ kind }) =>
    gone(kind) || kind === "replace-create-first"
      ? interrupts(
          "The NAT gateway is " +
            (kind === "delete" ? "deleted" : "replaced") +
            ": tasks routed through it lose outbound internet access (image pulls, calls to AWS and other services) until a route leads to another one (a new NAT gateway takes minutes to become available).",
        )
      : kind === "create"
        ? none("A NAT gateway is created (billed by the hour and per GB it carries).")
        : undefined,
  aws_route: ({ kind }) =>
    gone(kind) ? interrupts("The route is removed before its replacement exists: traffic it carries is dropped meanwhile.") : undefined,
  aws_lb: (change) =>
    replaced(change.kind)
      ? breaks(
          "The load balancer is replaced: its DNS name changes, so anything that points at the old one by name (DNS records outside this stack, clients, allow-lists) breaks, and requests fail until the new one is active (minutes).",
        )
      : change.kind === "delete"
        ? breaks("The load balancer is deleted: the service no longer answers at its DNS name.")
        : change.kind === "create"
          ? none("A load balancer is created (billed by the hour and per LCU).")
          : none(`The load balancer changes in place${detail(change)}: no interruption.`),
  aws_lb_listener: (change) =>
    gone(change.kind) || change.kind === "replace-create-first"
      ? interrupts(
          `The listener on port ${value(change, "port")} is ${change.kind === "delete" ? "deleted: nothing answers on that port any more" : "replaced: requests on that port fail until the new one exists (seconds)"}.`,
        )
      : change.kind === "update"
        ? none(`The listener on port ${value(change, "port")} changes in place${detail(change)}: no interruption.`)
        : undefined,
  aws_lb_listener_rule: ({ kind }) =>
    gone(kind)
      ? interrupts(
          "The listener rule is removed" +
            (kind === "delete" ? "" : " before its replacement exists") +
            ": requests it matched get the listener's default action meanwhile.",
        )
      : undefined,
  aws_lb_target_group: ({ kind }) =>
    kind === "replace-destroy-first"
      ? interrupts(
          "The target group is destroyed before its replacement exists: AWS refuses while a listener or rule forwards to it (ResourceInUse), so the apply stops half-way.",
        )
      : kind === "replace-create-first"
        ? restarts(
            "The target group is replaced, the new one first: the service's tasks register with it as they roll out, and the old one is deleted once nothing forwards to it.",
          )
        : kind === "delete"
          ? interrupts("The target group is deleted: its tasks no longer receive requests from the load balancer.")
          : undefined,
  aws_security_group: ({ kind }) =>
    gone(kind) || kind === "replace-create-first"
      ? interrupts(
          "The security group is replaced: what uses it (tasks, the load balancer) moves to the new one, and AWS refuses to delete it while network interfaces still use it.",
        )
      : undefined,
  aws_security_group_rule: (change) =>
    gone(change.kind)
      ? interrupts(
          `The ${value(change, "type")} rule for port ${value(change, "from_port")} is removed` +
            (change.kind === "delete" ? "" : " before its replacement is added") +
            ": connections it allows fail meanwhile (seconds).",
        )
      : change.kind === "replace-create-first"
        ? none("The rule is replaced, the new one first: no interruption.")
        : undefined,
  aws_ecs_cluster: ({ kind }) =>
    gone(kind) || kind === "replace-create-first"
      ? breaks(
          "The ECS cluster is " +
            (kind === "delete" ? "deleted" : "replaced") +
            ": every service and task in it stops and is created again: the service is down meanwhile.",
        )
      : undefined,
  aws_ecs_service: (change) => {
    if (change.kind === "delete") return breaks("The ECS service is deleted: all its tasks stop.");
    if (replaced(change.kind)) {
      return interrupts(
        "The ECS service is replaced, an interruption: ECS drains it to zero tasks and deletes it before the new one starts any; requests fail until the new tasks pass the health check (minutes), and AWS deletes its autoscaling target with it.",
      );
    }
    if (change.kind !== "update") return undefined;
    // A service on capacity providers makes each change a new deployment (force_new_deployment).
    const deploys =
      change.after.force_new_deployment === true || change.changed.some((attribute) => DEPLOYING_SERVICE_ATTRIBUTES.includes(attribute));
    if (deploys) return serviceRollout(change);
    if (change.changed.includes("desired_count")) {
      return none(`The service runs ${change.after.desired_count} tasks instead of ${change.before.desired_count}: no interruption.`);
    }
    return none(`The service changes in place${detail(change)}: no interruption.`);
  },
  aws_ecs_task_definition: ({ kind }) =>
    replaced(kind)
      ? none(
          "A new revision of the task definition is registered (a revision cannot change in place); on its own it restarts nothing: the service's rollout starts tasks of it.",
        )
      : undefined,
  aws_cloudwatch_log_group: ({ kind }) =>
    gone(kind) || kind === "replace-create-first" ? breaks("The log group is deleted, and every log event in it with it.") : undefined,
  aws_s3_bucket: ({ kind }) =>
    gone(kind) || kind === "replace-create-first"
      ? breaks("The bucket is deleted with every object in it (the load balancer's access logs).")
      : undefined,
  aws_iam_role: ({ kind }) =>
    gone(kind)
      ? interrupts(
          "The role is deleted" +
            (kind === "delete" ? "" : " before it is created again") +
            ": tasks cannot obtain its credentials meanwhile.",
        )
      : undefined,
  aws_route53_record: (change) =>
    change.kind === "delete"
      ? breaks(`The DNS name ${value(change, "name")} stops resolving.`)
      : gone(change.kind)
        ? interrupts(`The DNS record ${value(change, "name")} is deleted before it is created again: the name does not resolve meanwhile.`)
        : undefined,
  aws_acm_certificate: ({ kind }) =>
    kind === "replace-create-first"
      ? none("A new certificate is issued and validated before the old one is deleted: no interruption.")
      : gone(kind)
        ? interrupts("The certificate is deleted: AWS refuses while a listener still uses it.")
        : undefined,
  aws_wafv2_web_acl_association: ({ kind }) =>
    kind === "delete" ? breaks("The WAF no longer filters the requests to the load balancer.") : undefined,
  aws_default_security_group: ({ kind }) =>
    kind === "delete"
      ? none("Terraform lets go of the VPC's default security group: AWS keeps it, with the rules it has (none), as nothing can delete it.")
      : kind === "create"
        ? none("The VPC's default security group is taken over: its rules are removed, which nothing of this stack uses.")
        : undefined,
  aws_flow_log: ({ kind }) =>
    kind === "delete"
      ? none("The VPC's traffic is no longer recorded from now on; what was recorded stays while its log group does.")
      : undefined,
  aws_sqs_queue: (change) =>
    gone(change.kind) || change.kind === "replace-create-first"
      ? breaks(
          `The queue ${value(change, "name")} is deleted` +
            (change.kind === "delete" ? "" : " and created again, empty") +
            ": the messages waiting in it are lost, and sends to it fail meanwhile (SQS waits 60 seconds before a queue of the same name can be created again).",
        )
      : change.kind === "update"
        ? none(`The queue changes in place${detail(change)}: its messages stay.`)
        : undefined,
  aws_sqs_queue_policy: ({ kind }) =>
    gone(kind)
      ? interrupts(
          "The queue policy is removed" +
            (kind === "delete" ? "" : " before it is written again") +
            ": the topics it admitted can no longer deliver to the queue, and their messages meanwhile may not reach it.",
        )
      : undefined,
  aws_sns_topic_subscription: ({ kind }) =>
    kind === "delete"
      ? breaks("The subscription is deleted: the queue no longer receives the topic's messages.")
      : gone(kind)
        ? interrupts("The subscription is replaced: messages published before the new one is confirmed do not reach the queue.")
        : undefined,
  aws_service_discovery_http_namespace: ({ kind }) =>
    gone(kind) || kind === "replace-create-first"
      ? breaks(
          "The Service Connect namespace is " +
            (kind === "delete" ? "deleted" : "replaced") +
            ": calls by name (http://<name>:<port>) fail until every service of the platform is deployed again into the new one, and AWS refuses to delete a namespace that still holds services.",
        )
      : undefined,
  aws_scheduler_schedule: (change) =>
    change.kind === "delete"
      ? none("The schedule is deleted: the job no longer runs on it; a run in progress finishes.")
      : change.kind === "create"
        ? undefined
        : none(`The schedule changes${detail(change)}: the next runs follow it; a run in progress finishes.`),
  aws_sfn_state_machine: (change) =>
    change.kind === "delete"
      ? none("The state machine is deleted: runs in progress finish, and no new run starts.")
      : gone(change.kind) || change.kind === "replace-create-first"
        ? none(
            "The state machine is replaced: runs in progress finish on the old one; the schedule starts the new one from its next firing.",
          )
        : change.kind === "update"
          ? none(
              `The state machine changes in place${detail(change)}: runs started from now on follow it; runs in progress finish as they began.`,
            )
          : undefined,
  aws_appautoscaling_scheduled_action: ({ kind }) =>
    kind === "delete"
      ? none("The quiet hours' action is deleted: the service keeps the task count it has until something else changes it.")
      : kind === "create"
        ? undefined
        : none("The quiet hours' action changes: its next firing follows it; the task count stays until then."),
  aws_appautoscaling_target: ({ kind }) =>
    kind === "delete"
      ? none("Autoscaling stops: the service keeps the task count it has.")
      : gone(kind)
        ? none("The scaling target is registered again: scaling pauses for a moment; the task count stays.")
        : undefined,
};

/** The changed attributes, for the text of an in-place change. */
function detail({ changed }: ChangeFacts): string {
  const shown = changed.filter((attribute) => attribute !== "tags_all");
  return shown.length ? ` (${shown.join(", ")})` : "";
}

/** What a change of a resource of this type means for the running service. */
export function effectOf(type: string, change: ChangeFacts): Effect {
  const specific = EFFECTS[type]?.(change);
  if (specific) return specific;
  switch (change.kind) {
    case "create":
      return none("Created: no interruption.");
    case "update":
      return none(`Changed in place${detail(change)}: no interruption.`);
    case "replace-create-first":
      return none("Replaced, the new one first: no interruption.");
    case "replace-destroy-first":
      return interrupts("Destroyed before it is created again: what depends on it is without it meanwhile.");
    case "delete":
      return none("Deleted.");
  }
}
