import type { Task } from "@aws-sdk/client-ecs";
import { type RunTaskClients, runOneOffTask, stackTaskSources, TASK_EXIT_CODES, type TaskSource } from "../../src/operations/run-task";
import type { StackService } from "../../src/operations/stack-services";

const TASK_ARN = "arn:aws:ecs:ap-northeast-1:123456789012:task/shop/0123456789abcdef0123456789abcdef";
const TD_ARN = "arn:aws:ecs:ap-northeast-1:123456789012:task-definition/shop-nightly:4";
const NETWORK = { subnets: ["subnet-1", "subnet-2"], securityGroups: ["sg-job"], assignPublicIp: "DISABLED" as const };
const CONTAINER = {
  name: "app",
  essential: true,
  logConfiguration: {
    logDriver: "awslogs" as const,
    options: { "awslogs-group": "/ecs/shop-nightly", "awslogs-region": "ap-northeast-1", "awslogs-stream-prefix": "ecs" },
  },
};
const DEFINITION = {
  StartAt: "Run",
  TimeoutSeconds: 1800,
  States: {
    Run: {
      Type: "Task",
      Resource: "arn:aws:states:::ecs:runTask.sync",
      Parameters: {
        Cluster: "arn:aws:ecs:ap-northeast-1:123456789012:cluster/shop",
        TaskDefinition: "shop-nightly",
        LaunchType: "FARGATE",
        NetworkConfiguration: { AwsvpcConfiguration: { Subnets: NETWORK.subnets, SecurityGroups: NETWORK.securityGroups } },
      },
      End: true,
    },
  },
};

const JOB: TaskSource = { kind: "job", names: ["shop-nightly", "nightly"], stateMachineName: "shop-nightly", family: "shop-nightly" };
const SERVICE: StackService = {
  address: "aws_ecs_service.api_main",
  names: ["shop-api", "api"],
  serviceName: "shop-api",
  clusterName: "shop",
  taskDefinitionAddress: "aws_ecs_task_definition.api_main",
  containerName: "app",
  targetGroupNames: [],
  alarmNames: [],
};

/** A fake AWS: the task goes through `states` (one per DescribeTasks), the stream holds `lines`. */
function fakeAws(options: { states?: Partial<Task>[]; lines?: string[]; streamAppears?: number; runFailure?: string } = {}) {
  const sent: { name: string; input: Record<string, unknown> }[] = [];
  const states = options.states ?? [{ lastStatus: "PENDING" }, { lastStatus: "RUNNING" }];
  let describes = 0;
  let logReads = 0;
  const handlers: Record<string, (input: Record<string, unknown>) => unknown> = {
    ListStateMachinesCommand: () => ({
      stateMachines: [{ name: "shop-nightly", stateMachineArn: "arn:aws:states:ap-northeast-1:123456789012:stateMachine:shop-nightly" }],
    }),
    DescribeStateMachineCommand: () => ({ definition: JSON.stringify(DEFINITION) }),
    DescribeServicesCommand: () => ({
      services: [
        {
          status: "ACTIVE",
          taskDefinition: "arn:aws:ecs:ap-northeast-1:123456789012:task-definition/shop-api:9",
          launchType: "FARGATE",
          networkConfiguration: { awsvpcConfiguration: { ...NETWORK, securityGroups: ["sg-api"] } },
        },
      ],
    }),
    DescribeTaskDefinitionCommand: (input) => ({
      taskDefinition: {
        taskDefinitionArn: String(input.taskDefinition).startsWith("arn:") ? input.taskDefinition : TD_ARN,
        containerDefinitions: [CONTAINER],
      },
    }),
    RunTaskCommand: () =>
      options.runFailure
        ? { tasks: [], failures: [{ reason: options.runFailure }] }
        : { tasks: [{ taskArn: TASK_ARN, lastStatus: "PROVISIONING" }], failures: [] },
    DescribeTasksCommand: () => {
      const state = states[describes++] ?? {
        lastStatus: "STOPPED",
        stopCode: "EssentialContainerExited",
        containers: [{ name: "app", exitCode: 0 }],
      };
      return { tasks: [{ taskArn: TASK_ARN, ...state }] };
    },
    StopTaskCommand: () => ({ task: { taskArn: TASK_ARN } }),
    GetLogEventsCommand: (input) => {
      logReads++;
      if (logReads < (options.streamAppears ?? 1))
        throw Object.assign(new Error("The specified log stream does not exist."), { name: "ResourceNotFoundException" });
      const lines = options.lines ?? [];
      if (input.nextToken) return { events: [], nextForwardToken: input.nextToken };
      return { events: lines.map((message) => ({ message })), nextForwardToken: "f/1" };
    },
  };
  const client = {
    send: async (command: { constructor: { name: string }; input: Record<string, unknown> }) => {
      sent.push({ name: command.constructor.name, input: command.input });
      return handlers[command.constructor.name](command.input);
    },
  };
  const aws = { ecs: client, logs: client, sfn: client } as unknown as RunTaskClients;
  return { aws, sent };
}

function recorder() {
  const logs: string[] = [];
  const reports: string[] = [];
  const progress: string[] = [];
  return {
    logs,
    reports,
    progress,
    out: { log: (l: string) => logs.push(l), report: (l: string) => reports.push(l), progress: (l: string) => progress.push(l) },
  };
}

const stopped = (exitCode?: number, fields: Partial<Task> = {}): Partial<Task> => ({
  lastStatus: "STOPPED",
  stopCode: "EssentialContainerExited",
  stoppedReason: "Essential container in task exited",
  containers: [{ name: "app", exitCode }],
  ...fields,
});

describe("runOneOffTask", () => {
  it("runs a job with its family's latest revision and its state machine's network, the command overridden, and exits with the container's code", async () => {
    const { aws, sent } = fakeAws({
      states: [{ lastStatus: "PENDING" }, { lastStatus: "RUNNING" }, stopped(3)],
      lines: ["migrating", "failed"],
    });
    const r = recorder();
    const code = await runOneOffTask(aws, JOB, { command: ["sh", "-c", "exit 3"], pollSeconds: 0 }, r.out);
    expect(code).toBe(3);
    expect(r.logs).toEqual(["migrating", "failed"]);
    expect(r.reports).toEqual([
      expect.stringMatching(/^shop-nightly: task 0123456789abcdef0123456789abcdef failed: app exited 3 after \d+ s$/),
    ]);
    expect(r.progress).toEqual([
      'shop-nightly: started task 0123456789abcdef0123456789abcdef of shop-nightly:4 with ["sh","-c","exit 3"]',
      expect.stringMatching(/PENDING/),
      expect.stringMatching(/RUNNING/),
    ]);
    expect(sent.find((one) => one.name === "DescribeTaskDefinitionCommand")?.input).toEqual({ taskDefinition: "shop-nightly" });
    expect(sent.find((one) => one.name === "RunTaskCommand")?.input).toMatchObject({
      cluster: "arn:aws:ecs:ap-northeast-1:123456789012:cluster/shop",
      taskDefinition: TD_ARN,
      launchType: "FARGATE",
      networkConfiguration: { awsvpcConfiguration: { subnets: NETWORK.subnets, securityGroups: ["sg-job"] } },
      overrides: { containerOverrides: [{ name: "app", command: ["sh", "-c", "exit 3"] }] },
    });
    expect(sent.find((one) => one.name === "GetLogEventsCommand")?.input).toMatchObject({
      logGroupName: "/ecs/shop-nightly",
      logStreamName: "ecs/app/0123456789abcdef0123456789abcdef",
    });
  });

  it("runs a service's current task definition in its network, the definition's own command when none is given, and exits 0", async () => {
    const { aws, sent } = fakeAws({ states: [stopped(0)], lines: ["hello"] });
    const r = recorder();
    const code = await runOneOffTask(aws, { kind: "service", names: SERVICE.names, service: SERVICE }, { pollSeconds: 0 }, r.out);
    expect(code).toBe(0);
    expect(r.logs).toEqual(["hello"]);
    expect(r.reports[0]).toMatch(/^shop-api: task \w+ succeeded: app exited 0/);
    expect(sent.find((one) => one.name === "RunTaskCommand")?.input).toMatchObject({
      cluster: "shop",
      taskDefinition: "arn:aws:ecs:ap-northeast-1:123456789012:task-definition/shop-api:9",
      networkConfiguration: { awsvpcConfiguration: { securityGroups: ["sg-api"] } },
      overrides: undefined,
    });
  });

  it("says why a task could not start, and exits 125", async () => {
    const reason = "CannotPullContainerError: pull image manifest has been retried 7 time(s): failed to resolve ref app:missing: not found";
    const { aws } = fakeAws({
      states: [stopped(undefined, { stopCode: "TaskFailedToStart", stoppedReason: reason, containers: [{ name: "app", reason }] })],
      streamAppears: 99,
    });
    const r = recorder();
    expect(await runOneOffTask(aws, JOB, { pollSeconds: 0, logWaitSeconds: 0 }, r.out)).toBe(TASK_EXIT_CODES.didNotRun);
    expect(r.reports).toEqual([`shop-nightly: task 0123456789abcdef0123456789abcdef could not start: ${reason}`]);
  });

  it("says when ECS started no task, and when the container stopped without an exit code", async () => {
    const refused = recorder();
    expect(await runOneOffTask(fakeAws({ runFailure: "RESOURCE:ENI" }).aws, JOB, { pollSeconds: 0 }, refused.out)).toBe(125);
    expect(refused.reports).toEqual(["shop-nightly: ECS could not start a task of shop-nightly:4: RESOURCE:ENI"]);
    const noCode = recorder();
    const { aws } = fakeAws({
      states: [stopped(undefined, { stopCode: "SpotInterruption", stoppedReason: "Your Spot Task was interrupted." })],
    });
    expect(await runOneOffTask(aws, JOB, { pollSeconds: 0 }, noCode.out)).toBe(125);
    expect(noCode.reports[0]).toMatch(/stopped without an exit code from app: Your Spot Task was interrupted\.$/);
  });

  it("stops a task that runs over its time, and exits 124", async () => {
    const { aws, sent } = fakeAws({ states: Array(1000).fill({ lastStatus: "RUNNING" }), lines: ["still working"] });
    const r = recorder();
    const code = await runOneOffTask(aws, JOB, { pollSeconds: 0.01, timeoutSeconds: 0.05 }, r.out);
    expect(code).toBe(TASK_EXIT_CODES.timedOut);
    expect(r.logs).toEqual(["still working"]);
    expect(sent.filter((one) => one.name === "StopTaskCommand")).toHaveLength(1);
    expect(r.reports).toEqual([expect.stringMatching(/^shop-nightly: task \w+ ran over 0.05 s and was stopped \(--timeout\)$/)]);
  });

  it("waits for the log stream that appears after the task stopped, and prints what it holds once", async () => {
    const { aws } = fakeAws({ states: [stopped(0)], lines: ["late line"], streamAppears: 3 });
    const r = recorder();
    expect(await runOneOffTask(aws, JOB, { pollSeconds: 0.01, logWaitSeconds: 5 }, r.out)).toBe(0);
    expect(r.logs).toEqual(["late line"]);
  });

  it("says a job or service is not deployed", async () => {
    const { aws } = fakeAws();
    const r = recorder();
    const missing: TaskSource = { ...JOB, stateMachineName: "other" };
    expect(await runOneOffTask(aws, missing, { pollSeconds: 0 }, r.out)).toBe(125);
    expect(r.reports).toEqual(["shop-nightly: there is no state machine other (the job's schedule runs it): apply the environment first"]);
  });
});

describe("stackTaskSources", () => {
  it("finds the services and the jobs (a state machine running a task definition) of a stack, by name and by id", () => {
    const json = {
      resource: {
        aws_ecs_cluster: { main: { name: "shop" } },
        aws_ecs_task_definition: { main: { family: "shop" }, nightly_main: { family: "shop-nightly" } },
        aws_ecs_service: {
          main: {
            name: "shop",
            cluster: "${aws_ecs_cluster.main.id}",
            task_definition: "${aws_ecs_task_definition.main.arn}",
            load_balancer: [{ container_name: "app" }],
          },
        },
        aws_sfn_state_machine: {
          nightly_main: {
            name: "shop-nightly",
            definition: '${jsonencode({"TaskDefinition" = aws_ecs_task_definition.nightly_main.arn_without_revision})}',
          },
        },
      },
    };
    const sources = stackTaskSources(
      json,
      new Map([
        ["web", "shop"],
        ["nightly", "shop-nightly"],
      ]),
    );
    expect(sources.map((one) => [one.kind, one.names])).toEqual([
      ["service", ["shop", "web"]],
      ["job", ["shop-nightly", "nightly"]],
    ]);
    expect(sources[1]).toMatchObject({ stateMachineName: "shop-nightly", family: "shop-nightly" });
  });
});
