import { CloudwatchEventRule } from "@cdktf/provider-aws/lib/cloudwatch-event-rule";
import { CloudwatchEventTarget } from "@cdktf/provider-aws/lib/cloudwatch-event-target";
import { DataAwsCallerIdentity } from "@cdktf/provider-aws/lib/data-aws-caller-identity";
import type { EcsTaskDefinition } from "@cdktf/provider-aws/lib/ecs-task-definition";
import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { IamRolePolicy } from "@cdktf/provider-aws/lib/iam-role-policy";
import { SchedulerSchedule } from "@cdktf/provider-aws/lib/scheduler-schedule";
import { SecurityGroup } from "@cdktf/provider-aws/lib/security-group";
import { SfnStateMachine } from "@cdktf/provider-aws/lib/sfn-state-machine";
import { SqsQueue } from "@cdktf/provider-aws/lib/sqs-queue";
import { Construct } from "constructs";
import type { ContainerHealthCheck, ContainerLogs } from "../aws/container-definitions";
import { type PolicyStatement, policyDocument } from "../aws/iam-policies";
import type { CpuArchitecture } from "../settings/settings";
import { addressPinner } from "./address";
import { fargateTaskDefinition } from "./fargate-task-definition";
import { refuseSeparateEgressRules } from "./inline-egress";
import { createFirst } from "./replacement";

/** The rule Step Functions keeps in each account and region to hear when the tasks it runs with `.sync` stop. */
const SYNC_EVENTS_RULE = "StepFunctionsGetEventsForECSTaskRule";

/** Seconds before the first retry of a failed run; each next one waits twice as long. */
const RETRY_INTERVAL_SECONDS = 60;

/** When and how a job runs. */
export interface JobSchedule {
  /** `cron(...)` or `rate(...)`, as EventBridge Scheduler takes it. */
  readonly expression: string;
  /** The IANA time zone the expression is read in. */
  readonly timezone: string;
  /** Attempts after a run that failed. */
  readonly retries: number;
  /** Minutes a run may take before Step Functions stops it. */
  readonly maxRunMinutes: number;
}

/** A capacity provider a run is placed on, with its share. */
export interface JobCapacityProvider {
  readonly capacityProvider: string;
  readonly weight?: number;
  readonly base?: number;
}

/** Properties of {@link ScheduledJob}. */
export interface ScheduledJobProps {
  /** Name of the job: its task family, schedule, state machine, `<name>-ecs` security group and `<name>-schedule-dlq` queue. */
  readonly name: string;
  /** ARN of the ECS cluster the runs are placed in. */
  readonly clusterArn: string;
  /** Name of the ECS cluster, which the state machine's role may stop and describe the tasks of. */
  readonly clusterName: string;
  /** The region of the stack, in the ARNs the roles are granted. */
  readonly region: string;
  /** VPC of the task security group. */
  readonly vpcId: string;
  /** Subnets the tasks are placed in. */
  readonly subnetIds: string[];
  /**
   * Give each task a public IP: needed to pull images from public subnets without a NAT gateway.
   * @default false
   */
  readonly assignPublicIp?: boolean;
  /** When and how the job runs. */
  readonly schedule: JobSchedule;
  /** Container image. */
  readonly image: string;
  /** Name of the container in the task definition. */
  readonly containerName: string;
  /** Task CPU units. */
  readonly cpu: number;
  /** Task memory in MiB. */
  readonly memory: number;
  /**
   * Environment variables of the container.
   * @default {}
   */
  readonly environment?: Readonly<Record<string, string>>;
  /**
   * Variables read from SSM Parameter Store or Secrets Manager when the task starts: name to ARN.
   * @default {}
   */
  readonly secrets?: Readonly<Record<string, string>>;
  /**
   * The role ECS pulls the image, writes the logs and reads the secrets with.
   * @default - none
   */
  readonly executionRoleArn?: string;
  /**
   * The role the job runs as.
   * @default - none
   */
  readonly taskRoleArn?: string;
  /**
   * Where the container's output goes (awslogs).
   * @default - nowhere
   */
  readonly logs?: ContainerLogs;
  /**
   * CPU architecture of the tasks.
   * @default - not written: X86_64
   */
  readonly cpuArchitecture?: CpuArchitecture;
  /**
   * Run on these capacity providers (Fargate, Fargate Spot) instead of the FARGATE launch type.
   * @default - the FARGATE launch type
   */
  readonly capacityProviderStrategy?: readonly JobCapacityProvider[];
  /**
   * A health check inside the container.
   * @default - none
   */
  readonly containerHealthCheck?: ContainerHealthCheck;
  /**
   * Mount the root filesystem read-only.
   * @default false
   */
  readonly readonlyRootFilesystem?: boolean;
  /**
   * Paths mounted as writable scratch volumes.
   * @default []
   */
  readonly writablePaths?: readonly string[];
  /**
   * Seconds the container has after SIGTERM when a run is stopped.
   * @default - ECS's
   */
  readonly stopTimeoutSeconds?: number;
  /**
   * Allow ECS Exec into the running tasks.
   * @default false
   */
  readonly enableExecuteCommand?: boolean;
  /**
   * Read the task definition as the family's latest active revision, which a release may have registered.
   * @default false
   */
  readonly trackLatestRevision?: boolean;
  /**
   * The SNS topic told of runs that failed, timed out or were aborted.
   * @default - no one is told
   */
  readonly failureTopicArn?: string;
  /**
   * Describe the security group's rules.
   * @default false
   */
  readonly describeRules?: boolean;
  /**
   * Replace the task definition and security group the new one first.
   * @default false
   */
  readonly safeReplacements?: boolean;
  /**
   * Prefix of the Terraform addresses.
   * @default - none
   */
  readonly addressPrefix?: string;
}

/**
 * A task run on a schedule, with no ECS service: EventBridge Scheduler starts a Step Functions
 * state machine at each time of the expression, which runs the task and waits for it to stop
 * (`ecs:runTask.sync`), stops it when it runs over, and runs it again when it fails. Invocations
 * the scheduler could not deliver go to a dead-letter queue; each role may do exactly its part.
 */
export class ScheduledJob extends Construct {
  public readonly taskDefinition: EcsTaskDefinition;
  /** The tasks' security group: no inbound rule, a job takes no connections. */
  public readonly securityGroup: SecurityGroup;
  public readonly stateMachine: SfnStateMachine;
  /** The role the state machine runs the task with. */
  public readonly stateMachineRole: IamRole;
  public readonly schedule: SchedulerSchedule;
  /** The role the scheduler starts the state machine with. */
  public readonly schedulerRole: IamRole;
  /** Invocations of the schedule that could not start the state machine. */
  public readonly deadLetterQueue: SqsQueue;
  /** The rule telling the topic of a failed run, when there is a topic. */
  public readonly failureRule?: CloudwatchEventRule;

  constructor(scope: Construct, id: string, props: ScheduledJobProps) {
    super(scope, id);
    const { name, schedule, region } = props;
    const pin = addressPinner(props.addressPrefix);
    const account = new DataAwsCallerIdentity(this, "account", {});
    pin(account, "current");
    /** A role `service` assumes for this account only, with one inline policy of these statements. */
    const role = (roleId: "scheduler" | "states", service: string, statements: PolicyStatement[]) => {
      const created = new IamRole(this, `${roleId}-role`, {
        // IAM names are unique in the whole account: the region keeps the same job in two regions apart.
        name: `${name}-${region}-${roleId}`,
        assumeRolePolicy: JSON.stringify(
          policyDocument([
            {
              Effect: "Allow",
              Principal: { Service: service },
              Action: "sts:AssumeRole",
              // Only for this account's schedules and state machines: no confused deputy.
              Condition: { StringEquals: { "aws:SourceAccount": [account.accountId] } },
            },
          ]),
        ),
      });
      pin(created, roleId);
      const policy = new IamRolePolicy(this, `${roleId}-policy`, {
        name: roleId,
        role: created.id,
        policy: JSON.stringify(policyDocument(statements)),
      });
      pin(policy, roleId);
      return created;
    };
    this.taskDefinition = fargateTaskDefinition(this, {
      family: name,
      cpu: props.cpu,
      memory: props.memory,
      executionRoleArn: props.executionRoleArn,
      taskRoleArn: props.taskRoleArn,
      cpuArchitecture: props.cpuArchitecture,
      writablePaths: props.writablePaths,
      safeReplacements: props.safeReplacements,
      trackLatestRevision: props.trackLatestRevision,
      container: {
        name: props.containerName,
        image: props.image,
        ports: [],
        environment: props.environment ?? {},
        secrets: props.secrets,
        logs: props.logs,
        readonlyRootFilesystem: props.readonlyRootFilesystem,
        healthCheck: props.containerHealthCheck,
        stopTimeout: props.stopTimeoutSeconds,
        initProcess: props.enableExecuteCommand,
      },
    });
    pin(this.taskDefinition, "main");

    this.securityGroup = new SecurityGroup(this, "sg", {
      name: `${name}-ecs`,
      description: `${name} ecs`,
      vpcId: props.vpcId,
      egress: [
        {
          fromPort: 0,
          toPort: 0,
          protocol: "-1",
          cidrBlocks: ["0.0.0.0/0"],
          description: props.describeRules ? "To anywhere: image pulls, AWS APIs and what the job calls" : undefined,
        },
      ],
      tags: { Name: `${name}-ecs` },
      lifecycle: createFirst(props.safeReplacements),
    });
    pin(this.securityGroup, "ecs");
    refuseSeparateEgressRules(this.securityGroup);

    const passedRoles = [props.executionRoleArn, props.taskRoleArn].filter((arn): arn is string => arn !== undefined);
    const stateMachineStatements: PolicyStatement[] = [
      {
        Sid: "RunTheJob",
        Effect: "Allow",
        Action: "ecs:RunTask",
        // Every revision of the family: the state machine names the family, and ECS runs its latest revision.
        Resource: `arn:aws:ecs:${region}:${account.accountId}:task-definition/${name}:*`,
        Condition: { ArnEquals: { "ecs:cluster": [props.clusterArn] } },
      },
      {
        Sid: "FollowAndStopItsTasks",
        Effect: "Allow",
        Action: ["ecs:DescribeTasks", "ecs:StopTask"],
        Resource: `arn:aws:ecs:${region}:${account.accountId}:task/${props.clusterName}/*`,
      },
      // What `.sync` needs to hear when the task stops, as AWS documents it for ECS.
      {
        Sid: "HearWhenItStops",
        Effect: "Allow",
        Action: ["events:DescribeRule", "events:PutRule", "events:PutTargets"],
        Resource: `arn:aws:events:${region}:${account.accountId}:rule/${SYNC_EVENTS_RULE}`,
      },
      ...(passedRoles.length
        ? [
            {
              Sid: "PassTheTaskRoles",
              Effect: "Allow" as const,
              Action: "iam:PassRole",
              Resource: passedRoles,
              Condition: { StringEquals: { "iam:PassedToService": ["ecs-tasks.amazonaws.com"] } },
            },
          ]
        : []),
    ];
    this.stateMachineRole = role("states", "states.amazonaws.com", stateMachineStatements);

    const strategy = props.capacityProviderStrategy;
    const runTask = {
      Type: "Task",
      Resource: "arn:aws:states:::ecs:runTask.sync",
      Parameters: {
        Cluster: props.clusterArn,
        // The family: ECS runs its latest active revision, the one a release registered too.
        TaskDefinition: this.taskDefinition.family,
        ...(strategy
          ? {
              CapacityProviderStrategy: strategy.map(({ capacityProvider, weight, base }) => ({
                CapacityProvider: capacityProvider,
                ...(weight !== undefined ? { Weight: weight } : {}),
                ...(base !== undefined ? { Base: base } : {}),
              })),
            }
          : { LaunchType: "FARGATE" }),
        NetworkConfiguration: {
          AwsvpcConfiguration: {
            Subnets: props.subnetIds,
            SecurityGroups: [this.securityGroup.id],
            AssignPublicIp: props.assignPublicIp ? "ENABLED" : "DISABLED",
          },
        },
        ...(props.enableExecuteCommand ? { EnableExecuteCommand: true } : {}),
      },
      // Past it the state fails with States.Timeout, which Step Functions answers by stopping the task; it is not retried.
      TimeoutSeconds: schedule.maxRunMinutes * 60,
      ...(schedule.retries > 0
        ? {
            Retry: [
              {
                // A container that exits non-zero fails the state with States.TaskFailed; ECS refusing to start it, with its own error.
                ErrorEquals: ["States.TaskFailed", "ECS.AmazonECSException"],
                IntervalSeconds: RETRY_INTERVAL_SECONDS,
                MaxAttempts: schedule.retries,
                BackoffRate: 2,
              },
            ],
          }
        : {}),
      End: true,
    };
    this.stateMachine = new SfnStateMachine(this, "state-machine", {
      name,
      roleArn: this.stateMachineRole.arn,
      definition: JSON.stringify({ Comment: `Runs ${name} once, again on failure`, StartAt: "Run", States: { Run: runTask } }),
    });
    pin(this.stateMachine, "main");

    this.deadLetterQueue = new SqsQueue(this, "dlq", {
      name: `${name}-schedule-dlq`,
      sqsManagedSseEnabled: true,
      // As long as SQS keeps anything: the failed invocations are read when someone looks.
      messageRetentionSeconds: 14 * 24 * 60 * 60,
    });
    pin(this.deadLetterQueue, "schedule_dlq");

    this.schedulerRole = role("scheduler", "scheduler.amazonaws.com", [
      { Sid: "StartTheJob", Effect: "Allow", Action: "states:StartExecution", Resource: this.stateMachine.arn },
      { Sid: "DeadLetters", Effect: "Allow", Action: "sqs:SendMessage", Resource: this.deadLetterQueue.arn },
    ]);

    this.schedule = new SchedulerSchedule(this, "schedule", {
      name,
      description: `Runs ${name}`,
      scheduleExpression: schedule.expression,
      scheduleExpressionTimezone: schedule.timezone,
      flexibleTimeWindow: { mode: "OFF" },
      target: {
        arn: this.stateMachine.arn,
        roleArn: this.schedulerRole.arn,
        deadLetterConfig: { arn: this.deadLetterQueue.arn },
        // Starting the state machine is retried for an hour; a run that started retries in the state machine.
        retryPolicy: { maximumEventAgeInSeconds: 3600, maximumRetryAttempts: 10 },
      },
    });
    pin(this.schedule, "main");

    if (props.failureTopicArn) {
      this.failureRule = new CloudwatchEventRule(this, "failure-rule", {
        name: `${name}-run-failed`,
        description: `Runs of ${name} that failed, timed out or were aborted`,
        eventPattern: JSON.stringify({
          source: ["aws.states"],
          "detail-type": ["Step Functions Execution Status Change"],
          detail: { status: ["FAILED", "TIMED_OUT", "ABORTED"], stateMachineArn: [this.stateMachine.arn] },
        }),
      });
      pin(this.failureRule, "run_failed");
      const target = new CloudwatchEventTarget(this, "failure-target", {
        rule: this.failureRule.name,
        arn: props.failureTopicArn,
        inputTransformer: {
          inputPaths: { execution: "$.detail.name", status: "$.detail.status", time: "$.time" },
          inputTemplate: `"${name}: run <execution> ended <status> at <time>"`,
        },
      });
      pin(target, "run_failed");
    }
  }
}
