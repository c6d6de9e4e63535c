import { type CloudWatchLogsClient, GetLogEventsCommand } from "@aws-sdk/client-cloudwatch-logs";
import {
  type AwsVpcConfiguration,
  type CapacityProviderStrategyItem,
  type ContainerDefinition,
  DescribeServicesCommand,
  DescribeTaskDefinitionCommand,
  DescribeTasksCommand,
  type ECSClient,
  type LaunchType,
  RunTaskCommand,
  StopTaskCommand,
  type Task,
} from "@aws-sdk/client-ecs";
import { DescribeStateMachineCommand, ListStateMachinesCommand, type SFNClient } from "@aws-sdk/client-sfn";
import { referencesIn, StackResources, type TerraformJson } from "../terraform/terraform-json";
import { revisionOf } from "./report";
import { type StackService, stackServices } from "./stack-services";

/** The AWS APIs a one-off run uses: ECS to run and follow the task, its logs, and Step Functions to find a job's. */
export interface RunTaskClients {
  readonly ecs: Pick<ECSClient, "send">;
  readonly logs: Pick<CloudWatchLogsClient, "send">;
  readonly sfn: Pick<SFNClient, "send">;
}

/**
 * What `npm run task` can run, as a synthesized stack names it: a service (its ECS service runs
 * the task definition and network to use), or a job (the state machine its schedule starts holds
 * the cluster, task definition family and network the job runs with).
 */
export type TaskSource =
  | { readonly kind: "service"; readonly names: readonly string[]; readonly service: StackService }
  | { readonly kind: "job"; readonly names: readonly string[]; readonly stateMachineName: string; readonly family: string };

/** The exit codes of `npm run task` besides the container's own: the conventions of `docker run` and `timeout`. */
export const TASK_EXIT_CODES = {
  /** The command line names nothing to run. */
  usage: 2,
  /** The task ran over its time and was stopped (GNU `timeout`'s code). */
  timedOut: 124,
  /** The task never ran its command, or stopped without an exit code (`docker run`'s code when the container cannot run). */
  didNotRun: 125,
} as const;

/**
 * The services and jobs of a synthesized stack that `npm run task` can run, each under the names
 * a user gives it: the ECS service's or the job's name, and its id in the environment file.
 */
export function stackTaskSources(json: TerraformJson, namesById: ReadonlyMap<string, string> = new Map()): TaskSource[] {
  const services: TaskSource[] = stackServices(json, namesById).map((service) => ({ kind: "service", names: service.names, service }));
  const stack = new StackResources(json);
  const jobs = stack.ofType("aws_sfn_state_machine").flatMap((machine): TaskSource[] => {
    const runs = referencesIn(machine.config.definition).find((ref) => ref.startsWith("aws_ecs_task_definition."));
    const definition = stack.all().find((resource) => resource.address === runs);
    const family = definition?.config.family;
    const stateMachineName = machine.config.name;
    if (typeof family !== "string" || family.includes("${") || typeof stateMachineName !== "string") return [];
    const ids = [...namesById].filter(([id, name]) => name === family && id !== family).map(([id]) => id);
    return [{ kind: "job", names: [family, ...ids], stateMachineName, family }];
  });
  return [...services, ...jobs];
}

/** What to run and how long to follow it. */
export interface TaskRequest {
  /** The container's command instead of the task definition's, when given. */
  readonly command?: readonly string[];
  /** @default - the job's maximum run time (its state machine's TimeoutSeconds), or 60 minutes */
  readonly timeoutSeconds?: number;
  readonly pollSeconds: number;
  /** Seconds to wait for the container's log stream after the task stopped, for logs that arrive late. @default 10 */
  readonly logWaitSeconds?: number;
}

/** Where the run writes: the container's log lines to one stream, the run's own words to the other. */
export interface TaskOutput {
  /** A line the container logged. */
  log(line: string): void;
  /** The task's state, while it is followed (a terminal redraws it in place; a pipeline may drop it). */
  progress(line: string): void;
  /** What became of the run, in a sentence. */
  report(line: string): void;
}

/** How a task is launched: the cluster, the task definition, the network and capacity of the service or job. */
export interface TaskLaunch {
  readonly cluster: string;
  readonly taskDefinition: string;
  readonly awsvpc: AwsVpcConfiguration;
  readonly launchType?: LaunchType;
  readonly capacityProviderStrategy?: CapacityProviderStrategyItem[];
  readonly platformVersion?: string;
  /** The longest the job may run, when it is one. */
  readonly maxRunSeconds?: number;
}

/** The ECS service's task definition (the one it runs now, so a released image too), network and capacity. */
async function serviceLaunch(aws: RunTaskClients, service: StackService): Promise<TaskLaunch | string> {
  const { services = [] } = await aws.ecs.send(
    new DescribeServicesCommand({ cluster: service.clusterName, services: [service.serviceName] }),
  );
  const found = services.find((one) => one.status !== "INACTIVE");
  const awsvpc = found?.networkConfiguration?.awsvpcConfiguration;
  if (!found?.taskDefinition || !awsvpc) {
    return `there is no ECS service ${service.serviceName} in cluster ${service.clusterName}: apply the environment first`;
  }
  return {
    cluster: service.clusterName,
    taskDefinition: found.taskDefinition,
    awsvpc,
    launchType: found.capacityProviderStrategy?.length ? undefined : found.launchType,
    capacityProviderStrategy: found.capacityProviderStrategy?.length ? found.capacityProviderStrategy : undefined,
    platformVersion: found.platformVersion,
  };
}

/** A state of an Amazon States Language definition, as far as a one-off run reads it. */
interface RunTaskState {
  readonly Type?: string;
  readonly Resource?: string;
  readonly TimeoutSeconds?: number;
  readonly Parameters?: {
    readonly Cluster?: string;
    readonly TaskDefinition?: string;
    readonly LaunchType?: LaunchType;
    readonly PlatformVersion?: string;
    readonly CapacityProviderStrategy?: { CapacityProvider: string; Weight?: number; Base?: number }[];
    readonly NetworkConfiguration?: {
      readonly AwsvpcConfiguration?: { Subnets?: string[]; SecurityGroups?: string[]; AssignPublicIp?: "ENABLED" | "DISABLED" };
    };
  };
}

/**
 * The job's run, as its schedule starts it: the state machine's ECS RunTask state names the
 * cluster, the family (run at its latest ACTIVE revision, as ECS resolves a family) and the network.
 */
async function jobLaunch(aws: RunTaskClients, stateMachineName: string, family: string): Promise<TaskLaunch | string> {
  let arn: string | undefined;
  let nextToken: string | undefined;
  do {
    const page = await aws.sfn.send(new ListStateMachinesCommand({ nextToken }));
    arn = page.stateMachines?.find((machine) => machine.name === stateMachineName)?.stateMachineArn;
    nextToken = page.nextToken;
  } while (!arn && nextToken);
  if (!arn) return `there is no state machine ${stateMachineName} (the job's schedule runs it): apply the environment first`;
  const { definition = "{}" } = await aws.sfn.send(new DescribeStateMachineCommand({ stateMachineArn: arn }));
  const parsed = JSON.parse(definition) as { TimeoutSeconds?: number; States?: Record<string, RunTaskState> };
  const state = Object.values(parsed.States ?? {}).find((one) => one.Type === "Task" && one.Resource?.includes(":ecs:runTask"));
  const parameters = state?.Parameters;
  const network = parameters?.NetworkConfiguration?.AwsvpcConfiguration;
  if (!parameters?.Cluster || !network?.Subnets?.length) {
    return `the state machine ${stateMachineName} runs no ECS task with a network configuration; it is not a job of this project`;
  }
  return {
    cluster: parameters.Cluster,
    taskDefinition: family,
    awsvpc: { subnets: network.Subnets, securityGroups: network.SecurityGroups, assignPublicIp: network.AssignPublicIp },
    launchType: parameters.CapacityProviderStrategy ? undefined : (parameters.LaunchType ?? "FARGATE"),
    capacityProviderStrategy: parameters.CapacityProviderStrategy?.map((item) => ({
      capacityProvider: item.CapacityProvider,
      weight: item.Weight,
      base: item.Base,
    })),
    platformVersion: parameters.PlatformVersion,
    maxRunSeconds: parsed.TimeoutSeconds ?? state?.TimeoutSeconds,
  };
}

/** Where the awslogs driver writes a container's output: `<prefix>/<container>/<task id>` in its group. */
export function logStreamOf(container: ContainerDefinition, taskArn: string): { group: string; stream: string } | undefined {
  const options = container.logConfiguration?.logDriver === "awslogs" ? container.logConfiguration.options : undefined;
  const group = options?.["awslogs-group"];
  const prefix = options?.["awslogs-stream-prefix"];
  if (!group || !prefix) return undefined;
  return { group, stream: `${prefix}/${container.name}/${taskArn.split("/").pop()}` };
}

/** Reads a log stream onwards from a token, page by page; `found` is false while the stream does not exist yet. */
async function readLogs(
  aws: RunTaskClients,
  where: { group: string; stream: string },
  token: string | undefined,
  out: TaskOutput,
): Promise<{ token?: string; found: boolean }> {
  let next = token;
  try {
    for (;;) {
      const page = await aws.logs.send(
        new GetLogEventsCommand({ logGroupName: where.group, logStreamName: where.stream, startFromHead: true, nextToken: next }),
      );
      for (const event of page.events ?? []) out.log((event.message ?? "").replace(/\n$/, ""));
      // The forward token stays the same once the end of the stream is reached.
      if (!page.nextForwardToken || page.nextForwardToken === next) return { token: next, found: true };
      next = page.nextForwardToken;
    }
  } catch (error) {
    if ((error as { name?: string }).name === "ResourceNotFoundException") return { token, found: false };
    throw error;
  }
}

const sleep = (seconds: number) => new Promise((resolve) => setTimeout(resolve, seconds * 1000));

/**
 * `npm run task`: runs one task with a service's or a job's task definition and network, the
 * command replaced when one is given, follows it to its end while printing the container's logs,
 * and returns the container's exit code; {@link TASK_EXIT_CODES} when the task could not start,
 * stopped without an exit code, or ran over its time (then it is stopped, as the job's state
 * machine would stop it).
 */
export async function runOneOffTask(aws: RunTaskClients, source: TaskSource, request: TaskRequest, out: TaskOutput): Promise<number> {
  const name = source.names[0];
  const launch =
    source.kind === "service" ? await serviceLaunch(aws, source.service) : await jobLaunch(aws, source.stateMachineName, source.family);
  if (typeof launch === "string") {
    out.report(`${name}: ${launch}`);
    return TASK_EXIT_CODES.didNotRun;
  }
  const { taskDefinition } = await aws.ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition: launch.taskDefinition }));
  const containers = taskDefinition?.containerDefinitions ?? [];
  const container = containers.find((one) => one.essential !== false) ?? containers[0];
  if (!taskDefinition?.taskDefinitionArn || !container?.name) {
    out.report(`${name}: its task definition ${launch.taskDefinition} has no container to run`);
    return TASK_EXIT_CODES.didNotRun;
  }
  const revision = revisionOf(taskDefinition.taskDefinitionArn);
  const { tasks = [], failures = [] } = await aws.ecs.send(
    new RunTaskCommand({
      cluster: launch.cluster,
      taskDefinition: taskDefinition.taskDefinitionArn,
      count: 1,
      launchType: launch.launchType,
      capacityProviderStrategy: launch.capacityProviderStrategy,
      platformVersion: launch.platformVersion,
      networkConfiguration: { awsvpcConfiguration: launch.awsvpc },
      overrides: request.command ? { containerOverrides: [{ name: container.name, command: [...request.command] }] } : undefined,
      startedBy: "npm-run-task",
    }),
  );
  const taskArn = tasks[0]?.taskArn;
  if (!taskArn) {
    const why = failures.map((failure) => [failure.reason, failure.detail].filter(Boolean).join(": ")).join("; ") || "ECS started no task";
    out.report(`${name}: ECS could not start a task of ${revision}: ${why}`);
    return TASK_EXIT_CODES.didNotRun;
  }
  const taskId = taskArn.split("/").pop();
  out.progress(`${name}: started task ${taskId} of ${revision}${request.command ? ` with ${JSON.stringify(request.command)}` : ""}`);

  const timeoutSeconds = request.timeoutSeconds ?? launch.maxRunSeconds ?? 60 * 60;
  const logs = logStreamOf(container, taskArn);
  let logToken: string | undefined;
  let logsFound = false;
  const started = Date.now();
  const seconds = () => Math.round((Date.now() - started) / 1000);
  let stopped: Task | undefined;
  while (!stopped) {
    const task = (await aws.ecs.send(new DescribeTasksCommand({ cluster: launch.cluster, tasks: [taskArn] }))).tasks?.[0];
    if (logs) ({ token: logToken, found: logsFound } = await readLogs(aws, logs, logToken, out));
    if (task?.lastStatus === "STOPPED") {
      stopped = task;
      continue;
    }
    out.progress(`${name}: task ${taskId} ${task?.lastStatus ?? "not found"} (${seconds()} s)`);
    if ((Date.now() - started) / 1000 >= timeoutSeconds) {
      await aws.ecs.send(
        new StopTaskCommand({ cluster: launch.cluster, task: taskArn, reason: `npm run task: ran over ${timeoutSeconds} s` }),
      );
      out.report(`${name}: task ${taskId} ran over ${describeSeconds(timeoutSeconds)} and was stopped (--timeout)`);
      return TASK_EXIT_CODES.timedOut;
    }
    await sleep(request.pollSeconds);
  }
  // The awslogs driver's last lines can reach CloudWatch Logs shortly after the task stops: read
  // once more a moment later, and wait for a stream that is not there yet.
  const logWaitSeconds = request.logWaitSeconds ?? 10;
  const waitedFrom = Date.now();
  if (logs) {
    for (;;) {
      await sleep(Math.min(request.pollSeconds, logWaitSeconds, 2));
      ({ token: logToken, found: logsFound } = await readLogs(aws, logs, logToken, out));
      if (logsFound || (Date.now() - waitedFrom) / 1000 >= logWaitSeconds) break;
    }
  }
  const noLogs = !logs
    ? ` (its container ${container.name} sends no logs to CloudWatch Logs)`
    : !logsFound
      ? ` (no log stream ${logs.stream} in ${logs.group})`
      : "";
  return verdict(name, stopped, container.name, seconds(), noLogs, out);
}

/** The exit code of the stopped task's container, and a sentence on what became of it. */
function verdict(name: string, task: Task, containerName: string, seconds: number, noLogs: string, out: TaskOutput): number {
  const taskId = task.taskArn?.split("/").pop();
  const container = task.containers?.find((one) => one.name === containerName);
  const exitCode = container?.exitCode;
  if (task.stopCode === "TaskFailedToStart" || (exitCode === undefined && /^Cannot|Error/.test(container?.reason ?? ""))) {
    const why = [...new Set([task.stoppedReason, container?.reason].filter(Boolean))].join(": ");
    out.report(`${name}: task ${taskId} could not start: ${why || "ECS gave no reason"}`);
    return TASK_EXIT_CODES.didNotRun;
  }
  if (exitCode === undefined) {
    out.report(
      `${name}: task ${taskId} stopped without an exit code from ${containerName}: ${task.stoppedReason ?? task.stopCode ?? "ECS gave no reason"}${noLogs}`,
    );
    return TASK_EXIT_CODES.didNotRun;
  }
  out.report(
    `${name}: task ${taskId} ${exitCode === 0 ? "succeeded" : "failed"}: ${containerName} exited ${exitCode} after ${seconds} s${container?.reason ? ` (${container.reason})` : ""}${noLogs}`,
  );
  return exitCode;
}

/** `3600` → `60 minutes`, `90` → `90 s`. */
const describeSeconds = (seconds: number) => (seconds % 60 === 0 ? `${seconds / 60} minute${seconds === 60 ? "" : "s"}` : `${seconds} s`);
