import { DescribeAlarmsCommand } from "@aws-sdk/client-cloudwatch";
import { DescribeTaskDefinitionCommand } from "@aws-sdk/client-ecs";
import type { OperationsClients } from "./aws-clients";
import { revisionOf } from "./report";
import { snapshotOf } from "./rollout";
import type { StackService } from "./stack-services";

/** One service as `npm run status` shows it. */
export interface ServiceStatus {
  readonly service: string;
  readonly cluster: string;
  readonly image?: string;
  readonly taskDefinition: string;
  readonly desired: number;
  readonly running: number;
  readonly pending: number;
  readonly deployments: readonly {
    readonly id: string;
    readonly status: string;
    readonly rolloutState?: string;
    readonly rolloutStateReason?: string;
    readonly taskDefinition: string;
    readonly running: number;
    readonly desired: number;
    readonly failedTasks: number;
  }[];
  readonly targets: { readonly healthy: number; readonly unhealthy: number; readonly other: number; readonly problems: readonly string[] };
  readonly alarms: readonly { readonly name: string; readonly state: string }[];
  readonly events: readonly { readonly at: string; readonly message: string }[];
}

/** What AWS reports of a service now: the image it runs, its tasks, deployments, targets, alarms and last events. */
export async function serviceStatus(aws: OperationsClients, target: StackService, events = 5): Promise<ServiceStatus> {
  const { service, targets } = await snapshotOf(aws, target);
  const taskDefinition = service.taskDefinition ?? "";
  const { taskDefinition: running } = await aws.ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition }));
  const container = running?.containerDefinitions?.find((one) => one.name === target.containerName) ?? running?.containerDefinitions?.[0];
  const { MetricAlarms = [] } = target.alarmNames.length
    ? await aws.cloudwatch.send(new DescribeAlarmsCommand({ AlarmNames: [...target.alarmNames] }))
    : {};
  const state = (value: string) => targets.filter((one) => one.TargetHealth?.State === value).length;
  return {
    service: target.serviceName,
    cluster: target.clusterName,
    image: container?.image,
    taskDefinition: revisionOf(taskDefinition),
    desired: service.desiredCount ?? 0,
    running: service.runningCount ?? 0,
    pending: service.pendingCount ?? 0,
    deployments: (service.deployments ?? []).map((deployment) => ({
      id: deployment.id ?? "",
      status: deployment.status ?? "",
      rolloutState: deployment.rolloutState,
      rolloutStateReason: deployment.rolloutStateReason,
      taskDefinition: revisionOf(deployment.taskDefinition),
      running: deployment.runningCount ?? 0,
      desired: deployment.desiredCount ?? 0,
      failedTasks: deployment.failedTasks ?? 0,
    })),
    targets: {
      healthy: state("healthy"),
      unhealthy: state("unhealthy"),
      other: targets.length - state("healthy") - state("unhealthy"),
      problems: targets
        .filter((one) => one.TargetHealth?.State !== "healthy")
        .slice(0, 3)
        .map((one) => `${one.Target?.Id}:${one.Target?.Port} ${one.TargetHealth?.State} ${one.TargetHealth?.Reason ?? ""}`.trim()),
    },
    alarms: target.alarmNames.map((name) => ({
      name,
      state: MetricAlarms.find((alarm) => alarm.AlarmName === name)?.StateValue ?? "missing",
    })),
    events: [...(service.events ?? [])]
      .sort((a, b) => (b.createdAt?.getTime() ?? 0) - (a.createdAt?.getTime() ?? 0))
      .slice(0, events)
      .map((event) => ({ at: event.createdAt?.toISOString() ?? "", message: event.message ?? "" })),
  };
}

/** A service's status in a few lines, for one screen. */
export function formatStatus(status: ServiceStatus): string {
  const field = (label: string, text: string) => `  ${label.padEnd(11)}${text}`;
  const deployments = status.deployments.map(
    (d) =>
      `${d.id} ${d.status} ${d.rolloutState?.toLowerCase().replace(/_/g, " ") ?? ""}, ${d.running}/${d.desired} running${d.failedTasks ? `, ${d.failedTasks} failed` : ""} (${d.taskDefinition})${d.rolloutStateReason && d.rolloutState === "FAILED" ? `: ${d.rolloutStateReason}` : ""}`,
  );
  const { targets } = status;
  const targetText = [
    `${targets.healthy} healthy`,
    ...(targets.unhealthy ? [`${targets.unhealthy} unhealthy`] : []),
    ...(targets.other ? [`${targets.other} other`] : []),
  ].join(", ");
  const states = [...new Set(status.alarms.map((alarm) => alarm.state))];
  const alarmText = states.length
    ? states
        .map(
          (state) =>
            `${state}: ${status.alarms
              .filter((alarm) => alarm.state === state)
              .map((alarm) => alarm.name)
              .join(", ")}`,
        )
        .join("; ")
    : "none";
  const lines = [
    `${status.service} (cluster ${status.cluster})`,
    field("image", `${status.image ?? "?"} (${status.taskDefinition})`),
    field("tasks", `${status.running} running / ${status.desired} desired, ${status.pending} pending`),
    ...deployments.map((text, index) => field(index ? "" : "deployment", text)),
    field("targets", targetText + (targets.problems.length ? ` — ${targets.problems.join("; ")}` : "")),
    field("alarms", alarmText),
    ...status.events.map((event, index) => field(index ? "" : "events", `${event.at.slice(11, 19)} ${event.message}`)),
  ];
  return lines.join("\n");
}
