import { DescribeAlarmsCommand } from "@aws-sdk/client-cloudwatch";
import { DescribeServicesCommand, DescribeTasksCommand, ListTasksCommand, type Service } from "@aws-sdk/client-ecs";
import { DescribeTargetHealthCommand, type TargetHealthDescription } from "@aws-sdk/client-elastic-load-balancing-v2";
import type { OperationsClients } from "./aws-clients";
import type { StackService } from "./stack-services";

/** How a deployment ended, as the release and the deploy check report it. */
export type RolloutOutcome = "serving" | "rolled-back" | "failed" | "timed-out" | "not-started";

/** What the service looked like at one poll: the service, and its targets' health. */
export interface ServiceSnapshot {
  readonly service: Service;
  readonly targets: readonly TargetHealthDescription[];
}

/** One poll's verdict on the deployment of a task definition. */
export interface Assessment {
  /** Settled when the deployment ended one way or the other; else still under way. */
  readonly outcome?: Exclude<RolloutOutcome, "timed-out" | "not-started">;
  /** The deployment's state in a few words, for the progress line. */
  readonly state: string;
  readonly running: number;
  readonly desired: number;
  readonly healthyTargets: number;
  readonly unhealthyTargets: number;
  /** ECS's reason, when the deployment failed or was rolled back. */
  readonly reason?: string;
  /** The task definition the service's primary deployment runs. */
  readonly primaryTaskDefinition?: string;
  /** Whether the deployment of this task definition is among the service's deployments. */
  readonly started: boolean;
}

const healthy = (targets: readonly TargetHealthDescription[]) => targets.filter((t) => t.TargetHealth?.State === "healthy").length;
const unhealthy = (targets: readonly TargetHealthDescription[]) =>
  targets.filter((t) => t.TargetHealth?.State === "unhealthy" || t.TargetHealth?.State === "unavailable").length;

/**
 * Whether the deployment of `taskDefinitionArn` serves: it is the only deployment left, completed,
 * with every desired task running and as many healthy targets behind each load balancer as tasks;
 * or whether ECS failed it (its circuit breaker or an alarm), putting the previous revision back.
 */
export function assessRollout(snapshot: ServiceSnapshot, taskDefinitionArn: string, seenBefore: boolean): Assessment {
  const { service, targets } = snapshot;
  const deployments = service.deployments ?? [];
  const ours = deployments.find((deployment) => deployment.taskDefinition === taskDefinitionArn);
  const primary = deployments.find((deployment) => deployment.status === "PRIMARY");
  const desired = service.desiredCount ?? 0;
  const base = {
    running: ours?.runningCount ?? 0,
    desired,
    healthyTargets: healthy(targets),
    unhealthyTargets: unhealthy(targets),
    primaryTaskDefinition: primary?.taskDefinition,
    started: ours !== undefined,
  };
  if (!ours) {
    // Seen before and gone now: ECS dropped it once the rollback it started was complete; its
    // reason is left in the service's events.
    if (seenBefore && primary && primary.taskDefinition !== taskDefinitionArn) {
      const failure = [...(service.events ?? [])]
        .sort((a, b) => (b.createdAt?.getTime() ?? 0) - (a.createdAt?.getTime() ?? 0))
        .map((event) => /deployment failed: (.*)$/.exec(event.message ?? "")?.[1])
        .find((reason) => reason !== undefined);
      return { ...base, outcome: "rolled-back", state: "rolled back", reason: failure && `deployment failed: ${failure}` };
    }
    return { ...base, state: "not started" };
  }
  if (ours.rolloutState === "FAILED") {
    const rolledBack = primary !== undefined && primary.taskDefinition !== taskDefinitionArn;
    return { ...base, outcome: rolledBack ? "rolled-back" : "failed", state: "failed", reason: ours.rolloutStateReason };
  }
  const loadBalanced = (service.loadBalancers ?? []).length;
  const completed =
    ours.status === "PRIMARY" &&
    deployments.length === 1 &&
    (ours.rolloutState === undefined || ours.rolloutState === "COMPLETED") &&
    (service.runningCount ?? 0) === desired &&
    (ours.runningCount ?? 0) === desired;
  const targetsServe = base.unhealthyTargets === 0 && base.healthyTargets >= desired * loadBalanced;
  if (completed && targetsServe) return { ...base, outcome: "serving", state: "serving" };
  const state = completed ? "waiting for healthy targets" : (ours.rolloutState ?? "IN_PROGRESS").toLowerCase().replace(/_/g, " ");
  return { ...base, state };
}

/** Reads the service and the health of its targets. */
export async function snapshotOf(aws: OperationsClients, target: StackService): Promise<ServiceSnapshot> {
  const { services, failures } = await aws.ecs.send(
    new DescribeServicesCommand({ cluster: target.clusterName, services: [target.serviceName] }),
  );
  const service = services?.[0];
  if (!service || service.status === "INACTIVE") {
    throw new Error(
      `${target.serviceName}: no such ECS service in cluster ${target.clusterName}${failures?.[0]?.reason ? ` (${failures[0].reason})` : ""}`,
    );
  }
  const targets: TargetHealthDescription[] = [];
  for (const { targetGroupArn } of service.loadBalancers ?? []) {
    if (!targetGroupArn) continue;
    const { TargetHealthDescriptions } = await aws.elbv2.send(new DescribeTargetHealthCommand({ TargetGroupArn: targetGroupArn }));
    targets.push(...(TargetHealthDescriptions ?? []));
  }
  return { service, targets };
}

/** What the rollout's follower reports back. */
export interface RolloutResult {
  readonly outcome: RolloutOutcome;
  readonly assessment: Assessment;
  readonly snapshot: ServiceSnapshot;
  readonly seconds: number;
}

/** How to follow a rollout. */
export interface FollowOptions {
  /** Give up after this many seconds. */
  readonly timeoutSeconds: number;
  /** Seconds between two polls. */
  readonly pollSeconds: number;
  /** Seconds to wait for ECS to show a deployment of the task definition at all. */
  readonly startSeconds?: number;
  /**
   * The service was given the task definition already (by Terraform): if no deployment of it is
   * left, ECS rolled it back.
   * @default false
   */
  readonly deployedAlready?: boolean;
  /** Called after every poll. */
  readonly onPoll?: (assessment: Assessment, seconds: number) => void;
}

const sleep = (seconds: number) => new Promise((resolve) => setTimeout(resolve, seconds * 1000));

/** Polls the service until the deployment of `taskDefinitionArn` serves, fails, never starts, or the time is up. */
export async function followRollout(
  aws: OperationsClients,
  target: StackService,
  taskDefinitionArn: string,
  options: FollowOptions,
): Promise<RolloutResult> {
  const started = Date.now();
  const elapsed = () => Math.round((Date.now() - started) / 1000);
  let seen = options.deployedAlready ?? false;
  for (;;) {
    const snapshot = await snapshotOf(aws, target);
    const assessment = assessRollout(snapshot, taskDefinitionArn, seen);
    seen ||= assessment.started;
    options.onPoll?.(assessment, elapsed());
    if (assessment.outcome) return { outcome: assessment.outcome, assessment, snapshot, seconds: elapsed() };
    if (!seen && elapsed() >= (options.startSeconds ?? 60)) return { outcome: "not-started", assessment, snapshot, seconds: elapsed() };
    if (elapsed() >= options.timeoutSeconds) return { outcome: "timed-out", assessment, snapshot, seconds: elapsed() };
    await sleep(options.pollSeconds);
  }
}

/** Why a deployment did not serve, in the user's terms: stopped tasks, failing health checks, alarms, the service's last events. */
export async function causesOf(
  aws: OperationsClients,
  target: StackService,
  result: RolloutResult,
  taskDefinitionArn: string,
): Promise<string[]> {
  const causes: string[] = [];
  const { taskArns = [] } = await aws.ecs.send(
    new ListTasksCommand({ cluster: target.clusterName, serviceName: target.serviceName, desiredStatus: "STOPPED" }),
  );
  if (taskArns.length) {
    const { tasks = [] } = await aws.ecs.send(new DescribeTasksCommand({ cluster: target.clusterName, tasks: taskArns.slice(0, 100) }));
    const reasons = new Map<string, number>();
    for (const task of tasks.filter((one) => one.taskDefinitionArn === taskDefinitionArn)) {
      const containers = (task.containers ?? [])
        .filter((container) => container.exitCode !== undefined && container.exitCode !== 0)
        .map(
          (container) =>
            `container ${container.name} exited with code ${container.exitCode}${container.reason ? `: ${container.reason}` : ""}`,
        );
      const reason = [task.stoppedReason ?? task.stopCode ?? "stopped", ...containers].join("; ");
      reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
    }
    for (const [reason, count] of reasons) causes.push(`stopped task${count > 1 ? `s (${count})` : ""}: ${reason}`);
  }
  for (const target of result.snapshot.targets.filter((one) => one.TargetHealth?.State === "unhealthy").slice(0, 5)) {
    const { Target, TargetHealth } = target;
    causes.push(
      `failing health check: ${Target?.Id}:${Target?.Port} ${TargetHealth?.Reason ?? ""}${TargetHealth?.Description ? ` (${TargetHealth.Description})` : ""}`.trim(),
    );
  }
  if (target.alarmNames.length) {
    const { MetricAlarms = [] } = await aws.cloudwatch.send(new DescribeAlarmsCommand({ AlarmNames: [...target.alarmNames] }));
    for (const alarm of MetricAlarms.filter((one) => one.StateValue === "ALARM")) {
      causes.push(`alarm ${alarm.AlarmName} in ALARM: ${alarm.StateReason ?? ""}`.trim());
    }
  }
  const events = [...(result.snapshot.service.events ?? [])]
    .sort((a, b) => (b.createdAt?.getTime() ?? 0) - (a.createdAt?.getTime() ?? 0))
    .slice(0, 5);
  for (const event of events) causes.push(`event ${event.createdAt?.toISOString().slice(0, 19).replace("T", " ") ?? ""}: ${event.message}`);
  return causes;
}
