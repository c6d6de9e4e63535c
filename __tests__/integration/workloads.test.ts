import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import {
  DescribeScalableTargetsCommand,
  DescribeScalingPoliciesCommand,
  DescribeScheduledActionsCommand,
} from "@aws-sdk/client-application-auto-scaling";
import { DescribeSecurityGroupsCommand } from "@aws-sdk/client-ec2";
import { DescribeClustersCommand, DescribeServicesCommand } from "@aws-sdk/client-ecs";
import { GetScheduleCommand } from "@aws-sdk/client-scheduler";
import { ListNamespacesCommand } from "@aws-sdk/client-servicediscovery";
import { DescribeStateMachineCommand, ListStateMachinesCommand } from "@aws-sdk/client-sfn";
import { CreateTopicCommand, ListSubscriptionsByTopicCommand } from "@aws-sdk/client-sns";
import { GetQueueAttributesCommand, GetQueueUrlCommand } from "@aws-sdk/client-sqs";
import { App } from "cdktf";
import { defineStacks } from "../../src/app/define-stacks";
import { type AwsClients, awsClients, createStateBucket, inventory } from "../../tools/harness/aws-inventory";
import { everyKind } from "../../tools/harness/every-kind";
import { type MotoServer, startMoto } from "../../tools/harness/moto";
import { type RunResult, startCommand } from "../../tools/harness/run-command";
import { terraformEnv } from "../../tools/harness/terraform-env";
import { TerraformWorkspace } from "../../tools/harness/terraform-workspace";
import { NOTHING_LEFT } from "./environment";

const PROJECT = resolve(__dirname, "../..");
const REGION = "ap-northeast-1";
const BUCKET = "works-terraform-state";
const KEY = "works/terraform.tfstate";

// GIVEN a team whose platform runs a web service, an internal API, a queue worker and a nightly job
describe("every kind of workload on one platform, against a local AWS API", () => {
  let moto: MotoServer;
  let aws: AwsClients;
  let env: NodeJS.ProcessEnv;
  let workspace: TerraformWorkspace;
  let topicArn: string;
  const config = mkdtempSync(join(tmpdir(), "config-"));
  const root = mkdtempSync(join(tmpdir(), "cdktf-fargate-"));
  const outdir = join(root, "cdktf.out");

  /** `npm run task` as a pipeline runs it: in the project, with the test's files and emulator, not on a terminal. */
  const task = (...args: string[]): Promise<RunResult> =>
    startCommand("npm", ["run", "--silent", "task", "--", "works", ...args], {
      cwd: PROJECT,
      env: { ...env, CONFIG_DIR: config, CI: "true" },
    }).done;
  const service = async (name: string) =>
    (await aws.ecs.send(new DescribeServicesCommand({ cluster: "works", services: [name] }))).services![0];

  beforeAll(async () => {
    moto = await startMoto();
    env = terraformEnv(moto.env(REGION));
    aws = awsClients(moto.endpoint, REGION);
    await createStateBucket(aws.s3, BUCKET, REGION);
    // The topic another team publishes orders to, which the worker's queue subscribes to.
    ({ TopicArn: topicArn = "" } = await aws.sns.send(new CreateTopicCommand({ Name: "works-orders" })));
    writeFileSync(
      join(config, "works.json"),
      JSON.stringify(everyKind({ name: "works", region: REGION, state: { bucket: BUCKET, key: KEY }, topicArn })),
    );
    const app = new App({ outdir });
    defineStacks(app, config);
    app.synth();
    workspace = new TerraformWorkspace(join(outdir, "stacks", "works"), env);
    await workspace.init();
  });
  afterAll(async () => {
    await moto?.stop();
    for (const dir of [config, root]) rmSync(dir, { recursive: true, force: true });
  });

  it("applies a web service, an internal service, a worker and a job, and re-plans empty", async () => {
    await workspace.apply();
    expect(await workspace.plan()).toEqual([]);
    const found = await inventory(aws);
    expect([...found.services].sort()).toEqual(["works/works", "works/works-api", "works/works-worker"]);
    expect(found.queues).toEqual(["works-nightly-schedule-dlq", "works-worker", "works-worker-dlq"]);
    expect(found).toMatchObject({ schedules: ["works-nightly"], stateMachines: ["works-nightly"], namespaces: ["works"] });
  });

  it("connects the services through the platform's namespace: the internal one publishes its name, the others are its clients", async () => {
    const { Namespaces } = await aws.serviceDiscovery.send(new ListNamespacesCommand({}));
    expect(Namespaces!.map((namespace) => [namespace.Name, namespace.Type])).toEqual([["works", "HTTP"]]);
    const namespaceArn = Namespaces![0].Arn;
    // Each service names the namespace, not the cluster's default, which the provider cannot take away once set.
    const { clusters } = await aws.ecs.send(new DescribeClustersCommand({ clusters: ["works"] }));
    expect(clusters![0].serviceConnectDefaults).toBeUndefined();

    // ECS reports a service's Service Connect configuration on its deployments.
    const connectOf = async (name: string) => (await service(name)).deployments![0].serviceConnectConfiguration;
    expect(await connectOf("works-api")).toMatchObject({
      enabled: true,
      namespace: namespaceArn,
      services: [{ clientAliases: [{ dnsName: "api", port: 80 }] }],
    });
    for (const client of ["works", "works-worker"]) {
      const connect = await connectOf(client);
      expect(connect).toMatchObject({ enabled: true, namespace: namespaceArn });
      expect(connect?.services ?? []).toEqual([]);
    }

    // The internal service admits its port from the platform's other services only; the worker admits nothing.
    const groupOf = async (name: string) => {
      const { SecurityGroups } = await aws.ec2.send(
        new DescribeSecurityGroupsCommand({ GroupIds: (await service(name)).networkConfiguration!.awsvpcConfiguration!.securityGroups }),
      );
      return SecurityGroups![0];
    };
    const [web, worker, api] = [await groupOf("works"), await groupOf("works-worker"), await groupOf("works-api")];
    expect(api.IpPermissions!.map((rule) => [rule.FromPort, rule.ToPort, rule.IpRanges])).toEqual([[80, 80, []]]);
    expect(api.IpPermissions!.flatMap((rule) => rule.UserIdGroupPairs!.map((pair) => pair.GroupId)).sort()).toEqual(
      [web.GroupId, worker.GroupId].sort(),
    );
    expect(worker.IpPermissions).toEqual([]);
    expect((await service("works-api")).loadBalancers ?? []).toEqual([]);
  });

  it("gives the worker an encrypted queue that receives the topic's messages and moves a message to its dead-letter queue after 5 receives", async () => {
    const attributes = async (name: string) => {
      const { QueueUrl } = await aws.sqs.send(new GetQueueUrlCommand({ QueueName: name }));
      return (await aws.sqs.send(new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ["All"] }))).Attributes!;
    };
    const [queue, dlq] = [await attributes("works-worker"), await attributes("works-worker-dlq")];
    expect(JSON.parse(queue.RedrivePolicy!)).toEqual({ deadLetterTargetArn: dlq.QueueArn, maxReceiveCount: 5 });
    expect(queue).toMatchObject({ SqsManagedSseEnabled: "true", VisibilityTimeout: "60", MessageRetentionPeriod: String(4 * 86400) });
    expect(dlq).toMatchObject({ SqsManagedSseEnabled: "true", MessageRetentionPeriod: String(14 * 86400) });
    const policy = JSON.parse(queue.Policy!);
    expect(policy.Statement.map((statement: { Condition?: unknown }) => statement.Condition)).toEqual([
      { ArnEquals: { "aws:SourceArn": [topicArn] } },
    ]);
    const { Subscriptions } = await aws.sns.send(new ListSubscriptionsByTopicCommand({ TopicArn: topicArn }));
    expect(Subscriptions!.map((one) => [one.Protocol, one.Endpoint])).toEqual([["sqs", queue.QueueArn]]);
    const worker = await service("works-worker");
    expect(worker.loadBalancers ?? []).toEqual([]);
  });

  it("scales the worker on its backlog per running task, from zero", async () => {
    const { ScalableTargets } = await aws.autoscaling.send(
      new DescribeScalableTargetsCommand({ ServiceNamespace: "ecs", ResourceIds: ["service/works/works-worker"] }),
    );
    expect(ScalableTargets!.map((target) => [target.MinCapacity, target.MaxCapacity])).toEqual([[0, 4]]);
    const { ScalingPolicies } = await aws.autoscaling.send(
      new DescribeScalingPoliciesCommand({ ServiceNamespace: "ecs", ResourceId: "service/works/works-worker" }),
    );
    expect(ScalingPolicies).toHaveLength(1);
    const tracking = ScalingPolicies![0].TargetTrackingScalingPolicyConfiguration!;
    expect(tracking.TargetValue).toBe(10);
    const metrics = tracking.CustomizedMetricSpecification!.Metrics!;
    expect(metrics.find((metric) => metric.ReturnData !== false)?.Expression).toBe(
      "IF(FILL(running, 0) > 0, visible / FILL(running, 0), IF(visible > 0, 20, 0))",
    );
    expect(metrics.find((metric) => metric.Id === "visible")?.MetricStat?.Metric).toMatchObject({
      Namespace: "AWS/SQS",
      MetricName: "ApproximateNumberOfMessagesVisible",
      Dimensions: [{ Name: "QueueName", Value: "works-worker" }],
    });
    expect(metrics.find((metric) => metric.Id === "running")?.MetricStat?.Metric).toMatchObject({
      Namespace: "ECS/ContainerInsights",
      MetricName: "RunningTaskCount",
    });
  });

  it("keeps the web service at its quiet count on weekday nights in Tokyo", async () => {
    const { ScheduledActions } = await aws.autoscaling.send(
      new DescribeScheduledActionsCommand({ ServiceNamespace: "ecs", ResourceId: "service/works/works" }),
    );
    expect(
      ScheduledActions!
        .map((action) => [
          action.Schedule,
          action.Timezone,
          action.ScalableTargetAction?.MinCapacity,
          action.ScalableTargetAction?.MaxCapacity,
        ])
        .sort(),
    ).toEqual([
      ["cron(0 22 ? * MON-FRI *)", "Asia/Tokyo", 1, 1],
      ["cron(0 7 ? * MON-FRI *)", "Asia/Tokyo", 1, 1],
    ]);
  });

  it("runs the job at 03:00 in Tokyo through a state machine that runs its task, with retries, a time limit and a dead-letter queue", async () => {
    const schedule = await aws.scheduler.send(new GetScheduleCommand({ Name: "works-nightly" }));
    const { stateMachines } = await aws.sfn.send(new ListStateMachinesCommand({}));
    const machine = stateMachines!.find((one) => one.name === "works-nightly")!;
    expect(schedule).toMatchObject({
      ScheduleExpression: "cron(0 3 * * ? *)",
      ScheduleExpressionTimezone: "Asia/Tokyo",
      State: "ENABLED",
      Target: { Arn: machine.stateMachineArn, DeadLetterConfig: { Arn: expect.stringMatching(/:works-nightly-schedule-dlq$/) } },
    });
    const { definition } = await aws.sfn.send(new DescribeStateMachineCommand({ stateMachineArn: machine.stateMachineArn }));
    const run = JSON.parse(definition!).States.Run;
    expect(run).toMatchObject({
      Type: "Task",
      Resource: "arn:aws:states:::ecs:runTask.sync",
      TimeoutSeconds: 3600,
      Retry: [{ MaxAttempts: 2 }],
      Parameters: { TaskDefinition: "works-nightly", Cluster: expect.stringMatching(/:cluster\/works$/) },
    });
  });

  it("runs the job once with npm run task: prints the container's output and exits with its code", async () => {
    const migrated = await task("nightly", "--poll-interval", "0.2s", "--", "sh", "-c", "echo migrated; exit 0");
    expect(migrated.code, migrated.stderr).toBe(0);
    expect(migrated.stdout.trim()).toBe("migrated");
    expect(migrated.stderr).toMatch(/^works-nightly: task [0-9a-f]{32} succeeded: nginx exited 0 after \d+ s$/m);

    const failed = await task("nightly", "--poll-interval", "0.2s", "--", "sh", "-c", "echo half way; exit 3");
    expect(failed.code, failed.stderr).toBe(3);
    expect(failed.stdout.trim()).toBe("half way");
    expect(failed.stderr).toMatch(/works-nightly: task [0-9a-f]{32} failed: nginx exited 3/);

    // Past --timeout the task is stopped, as the job's state machine would stop it, and the run says so.
    const late = await task("nightly", "--timeout", "1s", "--poll-interval", "0.2s", "--", "sh", "-c", "echo started; sleep 600");
    expect(late.code, late.stderr).toBe(124);
    expect(late.stdout.trim()).toBe("started");
    expect(late.stderr).toMatch(/works-nightly: task [0-9a-f]{32} ran over 1 s and was stopped \(--timeout\)/);
  });

  it("runs a one-off task of a service too, with the definition the service runs, in its network", async () => {
    const ran = await task("worker", "--poll-interval", "0.2s", "--", "sh", "-c", "echo drained");
    expect(ran.code, ran.stderr).toBe(0);
    expect(ran.stdout.trim()).toBe("drained");
    const unknown = await task("nothing");
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/<job-or-service>: must be one of .*works-nightly or nightly.*; received nothing/);
  });

  it("destroys every resource: nothing is left in the account but the state bucket and the other team's topic", async () => {
    await workspace.destroy();
    expect({ ...(await inventory(aws)), topics: [] }).toEqual(NOTHING_LEFT);
  });
});
