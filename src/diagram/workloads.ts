// The kinds of service beyond `web`, drawn from the synthesized Terraform: who calls whom through
// Service Connect, the queues a worker consumes (the topics that feed them, the dead-letter queue
// beside), the schedules that start a job's state machine, and quiet hours.
import { deadLetterQueues, quietHoursOf, scheduledCapacity } from "../checks/stack-queries";
import { blocks, parseDocument, referencesIn, type StackResource, type StackResources } from "../terraform/terraform-json";
import type { DiagramEdge, DiagramNode } from "./diagram-parts";

const id = (address: string) => address.replace(/[^A-Za-z0-9]/g, "_");
const str = (value: unknown) => (typeof value === "string" && !value.includes("${") ? value : undefined);

/** Adds a node once, however many parts lead to it (a dead-letter queue of two queues, a topic two queues subscribe to). */
function addOnce(nodes: DiagramNode[], node: DiagramNode): void {
  if (!nodes.some((one) => one.id === node.id)) nodes.push(node);
}

/** A job: a task definition that a state machine runs and no ECS service does, with the cluster it runs in. */
export interface Job {
  readonly taskDefinition: StackResource;
  readonly machine: StackResource;
  readonly cluster?: string;
}

export function jobsOf(stack: StackResources): Job[] {
  const served = new Set(stack.ofType("aws_ecs_service").flatMap((service) => referencesIn(service.config.task_definition)));
  return stack.ofType("aws_sfn_state_machine").flatMap((machine) => {
    const named = referencesIn(machine.config.definition);
    const cluster = named.find((address) => /^(data\.)?aws_ecs_cluster\./.test(address));
    return stack
      .ofType("aws_ecs_task_definition")
      .filter((taskDefinition) => named.includes(taskDefinition.address) && !served.has(taskDefinition.address))
      .map((taskDefinition) => ({ taskDefinition, machine, cluster }));
  });
}

/** A job's node in its cluster: what it runs, and how big. */
export function jobNode(job: Job): DiagramNode {
  const containers = parseDocument(job.taskDefinition.config.container_definitions);
  const image = Array.isArray(containers) ? String(containers[0]?.image ?? "") : "";
  const { cpu, memory, family } = job.taskDefinition.config;
  return {
    id: id(job.taskDefinition.address),
    label: `Job ${str(family) ?? job.taskDefinition.name}: ${image} (${Number(cpu) / 1024} vCPU, ${Number(memory) / 1024} GB)`,
    chapter: "ecs",
  };
}

/** Service Connect, queues, schedules and quiet hours: their nodes in the region, and their edges. `roles` learns what the roles are. */
export function workloads(stack: StackResources, regional: DiagramNode[], edges: DiagramEdge[], roles: Map<string, string>): void {
  serviceConnect(stack, regional, edges);
  queues(stack, regional, edges);
  schedules(stack, regional, edges, roles);
  quietHours(stack, regional, edges);
}

/** An edge from every client of a namespace to each service it publishes, labelled with the name clients call. */
function serviceConnect(stack: StackResources, regional: DiagramNode[], edges: DiagramEdge[]): void {
  const services = stack.ofType("aws_ecs_service");
  const connected = (service: StackResource) => blocks(service.config.service_connect_configuration).find((one) => one.enabled !== false);
  for (const namespace of stack.ofType("aws_service_discovery_http_namespace")) {
    const inNamespace = services.filter((service) => referencesIn(connected(service)?.namespace).includes(namespace.address));
    if (!inNamespace.length) continue;
    const namespaceId = id(namespace.address);
    regional.push({
      id: namespaceId,
      label: `Cloud Map namespace ${str(namespace.config.name) ?? ""} (Service Connect)`.trim(),
      chapter: "beyond",
    });
    for (const server of inNamespace) {
      const published = blocks(connected(server)?.service);
      if (!published.length) continue;
      edges.push({ from: namespaceId, to: id(server.address), label: "names", dashed: true, chapter: "beyond" });
      const aliases = published.flatMap((one) =>
        blocks(one.client_alias).map((alias) => `http://${alias.dns_name ?? one.discovery_name ?? one.port_name}:${alias.port}`),
      );
      for (const client of inNamespace.filter((one) => one !== server)) {
        edges.push({ from: id(client.address), to: id(server.address), label: aliases.join(", ") || "Service Connect", chapter: "ecs" });
      }
    }
  }
}

/** Each consumed queue, the topics that feed it, the service that consumes it and its dead-letter queue beside it. */
function queues(stack: StackResources, regional: DiagramNode[], edges: DiagramEdge[]): void {
  const deadLetters = deadLetterQueues(stack);
  const queueLabel = (queue: StackResource) => str(queue.config.name) ?? queue.name;
  for (const queue of stack.ofType("aws_sqs_queue").filter((one) => !deadLetters.has(one.address))) {
    const queueId = id(queue.address);
    regional.push({ id: queueId, label: `SQS queue ${queueLabel(queue)}`, chapter: "beyond" });
    const redrive = String(queue.config.redrive_policy ?? "");
    const receives = /maxReceiveCount"?\s*[:=]\s*(\d+)/.exec(redrive)?.[1];
    for (const deadLetter of referencesIn(redrive).filter((address) => address.startsWith("aws_sqs_queue."))) {
      const target = stack.ofType("aws_sqs_queue").find((one) => one.address === deadLetter);
      addOnce(regional, {
        id: id(deadLetter),
        label: `SQS dead-letter queue ${target ? queueLabel(target) : deadLetter}`,
        chapter: "beyond",
      });
      edges.push({
        from: queueId,
        to: id(deadLetter),
        label: receives ? `after ${receives} receives` : "failed messages",
        dashed: true,
        chapter: "beyond",
        near: true,
      });
    }
    for (const subscription of stack
      .ofType("aws_sns_topic_subscription")
      .filter((one) => referencesIn(one.config.endpoint).includes(queue.address))) {
      const topic = referencesIn(subscription.config.topic_arn).find((address) => address.startsWith("aws_sns_topic."));
      const arn = str(subscription.config.topic_arn);
      const topicId = topic ? id(topic) : id(`topic ${arn ?? subscription.address}`);
      if (!topic)
        addOnce(regional, { id: topicId, label: `SNS topic ${arn?.split(":").at(-1) ?? "(given)"} (existing)`, chapter: "beyond" });
      edges.push({ from: topicId, to: queueId, label: "subscription", chapter: "beyond" });
    }
    // The consumer: the service whose task definition is given the queue.
    for (const service of stack.ofType("aws_ecs_service")) {
      const taskDefinition = referencesIn(service.config.task_definition)[0];
      const given = stack
        .ofType("aws_ecs_task_definition")
        .some((one) => one.address === taskDefinition && referencesIn(one.config.container_definitions).includes(queue.address));
      if (given) edges.push({ from: queueId, to: id(service.address), label: "messages", chapter: "beyond" });
    }
  }
}

/** Each schedule, the state machine it starts and the job the machine runs; its dead-letter queue; who hears of failed runs. */
function schedules(stack: StackResources, regional: DiagramNode[], edges: DiagramEdge[], roles: Map<string, string>): void {
  const jobs = jobsOf(stack);
  for (const machine of stack.ofType("aws_sfn_state_machine")) {
    const machineId = id(machine.address);
    const definition = parseDocument(machine.config.definition) as
      | { TimeoutSeconds?: number; States?: Record<string, { TimeoutSeconds?: number; Retry?: { MaxAttempts?: number }[] }> }
      | undefined;
    regional.push({ id: machineId, label: `Step Functions state machine ${str(machine.config.name) ?? machine.name}`, chapter: "beyond" });
    const retries = Object.values(definition?.States ?? {}).flatMap((state) => state.Retry ?? [])[0]?.MaxAttempts;
    const timeout =
      definition?.TimeoutSeconds ?? Object.values(definition?.States ?? {}).find((state) => state.TimeoutSeconds)?.TimeoutSeconds;
    const how = [
      "runs the task, waits for it",
      ...(retries !== undefined ? [`${retries} retries`] : []),
      ...(timeout ? [`stops it after ${timeout / 60} min`] : []),
    ].join(", ");
    for (const job of jobs.filter((one) => one.machine === machine)) {
      edges.push({ from: machineId, to: id(job.taskDefinition.address), label: how, chapter: "beyond" });
    }
    for (const role of referencesIn(machine.config.role_arn).filter((address) => address.startsWith("aws_iam_role."))) {
      roles.set(role, "State machine role");
      edges.push({ from: machineId, to: id(role), label: "runs as", dashed: true, chapter: "beyond" });
    }
    for (const rule of stack
      .ofType("aws_cloudwatch_event_rule")
      .filter((one) => referencesIn(one.config.event_pattern).includes(machine.address))) {
      const topics = stack
        .referringTo(rule.address, "aws_cloudwatch_event_target")
        .flatMap((target) => referencesIn(target.config.arn))
        .filter((address) => address.startsWith("aws_sns_topic."));
      for (const topic of topics)
        edges.push({ from: machineId, to: id(topic), label: "failed or timed-out runs", dashed: true, chapter: "beyond" });
    }
  }
  for (const schedule of stack.ofType("aws_scheduler_schedule")) {
    const scheduleId = id(schedule.address);
    const zone = str(schedule.config.schedule_expression_timezone);
    regional.push({
      id: scheduleId,
      label: `EventBridge Scheduler ${str(schedule.config.schedule_expression) ?? ""}${zone ? ` ${zone}` : ""}`.trim(),
      chapter: "beyond",
    });
    for (const target of blocks(schedule.config.target)) {
      for (const machine of referencesIn(target.arn).filter((address) => address.startsWith("aws_sfn_state_machine."))) {
        edges.push({ from: scheduleId, to: id(machine), label: "starts", chapter: "beyond" });
      }
      for (const role of referencesIn(target.role_arn).filter((address) => address.startsWith("aws_iam_role."))) {
        roles.set(role, "Scheduler role");
        edges.push({ from: scheduleId, to: id(role), label: "starts as", dashed: true, chapter: "beyond" });
      }
      for (const queue of blocks(target.dead_letter_config).flatMap((config) => referencesIn(config.arn))) {
        const deadLetterQueue = stack.ofType("aws_sqs_queue").find((one) => one.address === queue);
        addOnce(regional, {
          id: id(queue),
          label: `SQS dead-letter queue ${str(deadLetterQueue?.config.name) ?? queue}`,
          chapter: "beyond",
        });
        edges.push({ from: scheduleId, to: id(queue), label: "runs it could not start", dashed: true, chapter: "beyond", near: true });
      }
    }
  }
}

/** Quiet hours: a node per service saying when it runs fewer tasks, linked to the service it scales. */
function quietHours(stack: StackResources, regional: DiagramNode[], edges: DiagramEdge[]): void {
  for (const service of stack.ofType("aws_ecs_service")) {
    const quietHours = quietHoursOf(stack, service);
    if (!quietHours) continue;
    const { start, end } = quietHours;
    const count = scheduledCapacity(start);
    const nodeId = id(`quiet hours ${service.address}`);
    const zone = str(start.config.timezone);
    regional.push({
      id: nodeId,
      label: `Quiet hours: ${count} task${count === 1 ? "" : "s"} from ${start.config.schedule} to ${end.config.schedule}${zone ? ` ${zone}` : ""}`,
      chapter: "beyond",
    });
    edges.push({ from: nodeId, to: id(service.address), label: "scales", dashed: true, chapter: "beyond" });
  }
}
