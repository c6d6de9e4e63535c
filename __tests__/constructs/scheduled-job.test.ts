import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { TerraformStack, Testing } from "cdktf";
import { FargateWebService } from "../../src/constructs/fargate-web-service";
import { PlatformService } from "../../src/constructs/platform-service";
import type { FargateWebServiceProps, ServiceSettings } from "../../src/settings/settings";
import { addresses, ref, resourceAt, type Synthesized, synthesize } from "../helpers";

const NIGHTLY = { expression: "cron(0 3 * * ? *)", timezone: "Asia/Tokyo" };

/** The tutorial's web service (with these platform props) and a job `report` beside it. */
function withJob(platformProps: FargateWebServiceProps, job: ServiceSettings = {}): Synthesized {
  const stack = new TerraformStack(Testing.app(), "test");
  new AwsProvider(stack, "aws", { region: "ap-northeast-1" });
  const web = new FargateWebService(stack, "web", platformProps);
  new PlatformService(stack, "report", { platform: web, kind: "job", schedule: NIGHTLY, ...job });
  return synthesize(stack);
}

/** The state machine's only state, parsed from its definition. */
// biome-ignore lint/suspicious/noExplicitAny: the parsed Amazon States Language document, read field by field
function runState(synth: Synthesized): Record<string, any> {
  const definition = JSON.parse(resourceAt(synth, "aws_sfn_state_machine.report_main").definition);
  expect(definition.StartAt).toBe("Run");
  return definition.States.Run;
}

const policyOf = (synth: Synthesized, role: string) => JSON.parse(resourceAt(synth, `aws_iam_role_policy.report_${role}`).policy);
const trustOf = (synth: Synthesized, role: string) => JSON.parse(resourceAt(synth, `aws_iam_role.report_${role}`).assume_role_policy);

describe("ScheduledJob", () => {
  it("runs the task with runTask.sync in the platform's task subnets, stops it after maxRunMinutes and retries it `retries` times", () => {
    const synth = withJob({}, { schedule: { ...NIGHTLY, retries: 3, maxRunMinutes: 15 } });
    expect(runState(synth)).toEqual({
      Type: "Task",
      Resource: "arn:aws:states:::ecs:runTask.sync",
      Parameters: {
        Cluster: ref("aws_ecs_cluster.main", "arn"),
        TaskDefinition: ref("aws_ecs_task_definition.report_main", "family"),
        LaunchType: "FARGATE",
        NetworkConfiguration: {
          AwsvpcConfiguration: {
            Subnets: [ref("aws_subnet.private_1a", "id"), ref("aws_subnet.private_1c", "id"), ref("aws_subnet.private_1d", "id")],
            SecurityGroups: [ref("aws_security_group.report_ecs", "id")],
            AssignPublicIp: "DISABLED",
          },
        },
      },
      TimeoutSeconds: 900,
      Retry: [{ ErrorEquals: ["States.TaskFailed", "ECS.AmazonECSException"], IntervalSeconds: 60, MaxAttempts: 3, BackoffRate: 2 }],
      End: true,
    });
    expect(resourceAt(synth, "aws_sfn_state_machine.report_main")).toMatchObject({
      name: "handson-report",
      role_arn: ref("aws_iam_role.report_states", "arn"),
    });
  });

  it("has a task definition and a security group without ingress, and no ECS service, target group nor listener rule", () => {
    const synth = withJob({});
    expect(resourceAt(synth, "aws_ecs_task_definition.report_main")).toMatchObject({
      family: "handson-report",
      requires_compatibilities: ["FARGATE"],
      network_mode: "awsvpc",
    });
    expect(JSON.parse(resourceAt(synth, "aws_ecs_task_definition.report_main").container_definitions)).toEqual([
      { name: "nginx", image: "nginx:1.14", portMappings: [] },
    ]);
    expect(resourceAt(synth, "aws_security_group.report_ecs")).toMatchObject({
      name: "handson-report-ecs",
      egress: [expect.objectContaining({ protocol: "-1", cidr_blocks: ["0.0.0.0/0"] })],
    });
    const own = addresses(synth).filter((address) => address.split(".")[1].startsWith("report_"));
    expect(own.filter((address) => /^aws_(ecs_service|lb_target_group|lb_listener_rule|security_group_rule)\./.test(address))).toEqual([]);
    expect(addresses(synth).filter((address) => address.startsWith("aws_ecs_service."))).toEqual(["aws_ecs_service.main"]);
  });

  it("is started by a schedule in its time zone, which sends what it could not deliver to an encrypted dead-letter queue", () => {
    const synth = withJob({});
    expect(resourceAt(synth, "aws_scheduler_schedule.report_main")).toEqual(
      expect.objectContaining({
        name: "handson-report",
        schedule_expression: "cron(0 3 * * ? *)",
        schedule_expression_timezone: "Asia/Tokyo",
        flexible_time_window: { mode: "OFF" },
        target: {
          arn: ref("aws_sfn_state_machine.report_main", "arn"),
          role_arn: ref("aws_iam_role.report_scheduler", "arn"),
          dead_letter_config: { arn: ref("aws_sqs_queue.report_schedule_dlq", "arn") },
          retry_policy: { maximum_event_age_in_seconds: 3600, maximum_retry_attempts: 10 },
        },
      }),
    );
    expect(resourceAt(synth, "aws_sqs_queue.report_schedule_dlq")).toMatchObject({
      name: "handson-report-schedule-dlq",
      sqs_managed_sse_enabled: true,
    });
  });

  it("lets the scheduler start that state machine and write its dead letters, and nothing else, for this account only", () => {
    const synth = withJob({});
    expect(trustOf(synth, "scheduler").Statement).toEqual([
      {
        Effect: "Allow",
        Principal: { Service: "scheduler.amazonaws.com" },
        Action: "sts:AssumeRole",
        Condition: { StringEquals: { "aws:SourceAccount": [ref("data.aws_caller_identity.report_current", "account_id")] } },
      },
    ]);
    expect(resourceAt(synth, "aws_iam_role.report_scheduler").name).toBe("handson-report-ap-northeast-1-scheduler");
    expect(policyOf(synth, "scheduler").Statement).toEqual([
      { Sid: "StartTheJob", Effect: "Allow", Action: "states:StartExecution", Resource: ref("aws_sfn_state_machine.report_main", "arn") },
      { Sid: "DeadLetters", Effect: "Allow", Action: "sqs:SendMessage", Resource: ref("aws_sqs_queue.report_schedule_dlq", "arn") },
    ]);
  });

  it("lets the state machine run only the job's family on the cluster, follow and stop its tasks, pass exactly its two roles, and keep the .sync rule", () => {
    const synth = withJob({ defaults: "recommended" });
    const account = ref("data.aws_caller_identity.report_current", "account_id");
    expect(trustOf(synth, "states").Statement[0].Principal).toEqual({ Service: "states.amazonaws.com" });
    expect(policyOf(synth, "states").Statement).toEqual([
      {
        Sid: "RunTheJob",
        Effect: "Allow",
        Action: "ecs:RunTask",
        Resource: `arn:aws:ecs:ap-northeast-1:${account}:task-definition/handson-report:*`,
        Condition: { ArnEquals: { "ecs:cluster": [ref("aws_ecs_cluster.main", "arn")] } },
      },
      {
        Sid: "FollowAndStopItsTasks",
        Effect: "Allow",
        Action: ["ecs:DescribeTasks", "ecs:StopTask"],
        Resource: `arn:aws:ecs:ap-northeast-1:${account}:task/${ref("aws_ecs_cluster.main", "name")}/*`,
      },
      {
        Sid: "HearWhenItStops",
        Effect: "Allow",
        Action: ["events:DescribeRule", "events:PutRule", "events:PutTargets"],
        Resource: `arn:aws:events:ap-northeast-1:${account}:rule/StepFunctionsGetEventsForECSTaskRule`,
      },
      {
        Sid: "PassTheTaskRoles",
        Effect: "Allow",
        Action: "iam:PassRole",
        Resource: [ref("aws_iam_role.report_execution", "arn"), ref("aws_iam_role.report_task", "arn")],
        Condition: { StringEquals: { "iam:PassedToService": ["ecs-tasks.amazonaws.com"] } },
      },
    ]);
    // Its container logs to a group of its own, as a service's does.
    const [container] = JSON.parse(resourceAt(synth, "aws_ecs_task_definition.report_main").container_definitions);
    expect(container.logConfiguration.options).toMatchObject({ "awslogs-group": ref("aws_cloudwatch_log_group.report_main", "name") });
    expect(resourceAt(synth, "aws_cloudwatch_log_group.report_main").name).toBe("/ecs/handson-report");
  });

  it("tells the environment's topic of runs that failed, timed out or were aborted, only when the environment has one", () => {
    const withTopic = withJob({ notifications: { emails: ["ops@example.com"] } });
    const rule = resourceAt(withTopic, "aws_cloudwatch_event_rule.report_run_failed");
    expect(rule.name).toBe("handson-report-run-failed");
    expect(JSON.parse(rule.event_pattern)).toEqual({
      source: ["aws.states"],
      "detail-type": ["Step Functions Execution Status Change"],
      detail: { status: ["FAILED", "TIMED_OUT", "ABORTED"], stateMachineArn: [ref("aws_sfn_state_machine.report_main", "arn")] },
    });
    expect(resourceAt(withTopic, "aws_cloudwatch_event_target.report_run_failed").arn).toBe(ref("aws_sns_topic.notifications", "arn"));

    const without = withJob({});
    expect(addresses(without).filter((address) => /^aws_(cloudwatch_event_rule|sns_topic)\./.test(address))).toEqual([]);
  });

  it("writes no Retry without retries, a public IP in public subnets without NAT gateways, and Fargate Spot through capacity providers", () => {
    const state = runState(
      withJob({ natGateways: "none" }, { schedule: { ...NIGHTLY, retries: 0 }, capacity: { spotPercent: 100, onDemandBase: 0 } }),
    );
    expect(state.Retry).toBeUndefined();
    expect(state.TimeoutSeconds).toBe(3600);
    expect(state.Parameters.NetworkConfiguration.AwsvpcConfiguration).toMatchObject({
      Subnets: [ref("aws_subnet.public_1a", "id"), ref("aws_subnet.public_1c", "id"), ref("aws_subnet.public_1d", "id")],
      AssignPublicIp: "ENABLED",
    });
    expect(state.Parameters.LaunchType).toBeUndefined();
    expect(state.Parameters.CapacityProviderStrategy).toEqual([
      { CapacityProvider: "FARGATE", Weight: 0, Base: 0 },
      { CapacityProvider: "FARGATE_SPOT", Weight: 1 },
    ]);
  });

  it("refuses a job without a schedule, and a platform whose first service is a job", () => {
    const stack = new TerraformStack(Testing.app(), "test");
    new AwsProvider(stack, "aws", { region: "ap-northeast-1" });
    const web = new FargateWebService(stack, "web", {});
    expect(() => new PlatformService(stack, "report", { platform: web, kind: "job" })).toThrow(
      /test\/report\.schedule: must be given for a job/,
    );
    const other = new TerraformStack(Testing.app(), "other");
    new AwsProvider(other, "aws", { region: "ap-northeast-1" });
    expect(() => new FargateWebService(other, "web", { kind: "job", schedule: NIGHTLY })).toThrow(
      /kind: must be "web" for the platform's first service/,
    );
  });
});
