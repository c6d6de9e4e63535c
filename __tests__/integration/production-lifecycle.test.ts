import { DescribeSecurityGroupsCommand, DescribeSubnetsCommand, DescribeVpcsCommand } from "@aws-sdk/client-ec2";
import { DescribeServicesCommand, DescribeTaskDefinitionCommand } from "@aws-sdk/client-ecs";
import {
  DescribeListenersCommand,
  DescribeLoadBalancersCommand,
  DescribeRulesCommand,
  DescribeTargetGroupsCommand,
} from "@aws-sdk/client-elastic-load-balancing-v2";
import { GetObjectCommand, ListObjectsV2Command } from "@aws-sdk/client-s3";
import { inventory } from "../../tools/harness/aws-inventory";
import { unexplainedChanges } from "../../tools/harness/emulator-gaps";
import type { RunResult } from "../../tools/harness/run-command";
import { APPLY, applyAndActMidway, type Environment, NOTHING_LEFT, startEnvironment } from "./environment";

const BUCKET = "example-shop-terraform-state";
const STATE_KEY = "orders-api/production.tfstate";

describe("config/production.json against a local AWS API, state in S3", () => {
  let e: Environment;
  beforeAll(async () => {
    e = await startEnvironment("production");
    await e.workspace.init();
  });
  afterAll(async () => e?.dispose());

  const stateObjects = async () =>
    ((await e.aws.s3.send(new ListObjectsV2Command({ Bucket: BUCKET }))).Contents ?? []).map((object) => object.Key).sort();

  it("plans its 35 resources", async () => {
    const changes = await e.workspace.plan();
    expect(changes).toHaveLength(35);
    expect(changes.every((change) => change.actions.join() === "create")).toBe(true);
  });

  it("applies once while a second apply fails on the S3 lock and a third waits for it", async () => {
    let locked: Promise<RunResult> | undefined;
    let waiting: Promise<RunResult> | undefined;
    let objectsDuringApply: (string | undefined)[] = [];
    const first = await applyAndActMidway(e.workspace, () => {
      locked = e.workspace.run([...APPLY, "-lock-timeout=0s"]);
      waiting = e.workspace.run([...APPLY, "-lock-timeout=10m"]);
      void stateObjects().then((keys) => (objectsDuringApply = keys));
    });
    expect(first.code, first.stderr).toBe(0);
    expect(objectsDuringApply).toContain(`${STATE_KEY}.tflock`);

    const lockedResult = await locked!;
    expect(lockedResult.code).toBe(1);
    expect(lockedResult.stderr).toContain("Error acquiring the state lock");
    expect(lockedResult.stdout).not.toContain("Creating...");

    // The waiting apply runs after the first, and finds nothing to create or destroy.
    const waitingResult = await waiting!;
    expect(waitingResult.code, waitingResult.stderr).toBe(0);
    expect(waitingResult.stdout).toMatch(/No changes\.|Apply complete! Resources: 0 added, \d+ changed, 0 destroyed\./);

    const found = await inventory(e.aws);
    expect(found).toMatchObject({
      natGateways: [expect.any(String)],
      loadBalancers: ["orders-api"],
      targetGroups: ["orders-api"],
      clusters: ["orders-api"],
      services: ["orders-api/orders-api"],
    });
    expect(found.vpcs).toHaveLength(1);
  });

  it("keeps the state in the bucket, whole, and the lock released", async () => {
    expect(await stateObjects()).toEqual([STATE_KEY]);
    const body = await (await e.aws.s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: STATE_KEY }))).Body!.transformToString();
    const state = JSON.parse(body);
    expect(state.resources.filter((resource: { mode: string }) => resource.mode === "managed")).toHaveLength(35);
    expect(await e.workspace.stateList()).toHaveLength(35);
  });

  it("runs what the file says: 3 tasks of its image on 8080 in the private subnets, reachable from the ALB only", async () => {
    const { services } = await e.aws.ecs.send(new DescribeServicesCommand({ cluster: "orders-api", services: ["orders-api"] }));
    const service = services![0];
    expect(service).toMatchObject({ status: "ACTIVE", launchType: "FARGATE", desiredCount: 3 });
    expect(service.loadBalancers).toEqual([expect.objectContaining({ containerName: "api", containerPort: 8080 })]);

    const network = service.networkConfiguration!.awsvpcConfiguration!;
    const { Subnets } = await e.aws.ec2.send(new DescribeSubnetsCommand({ SubnetIds: network.subnets }));
    expect(Subnets!.map((subnet) => subnet.CidrBlock).sort()).toEqual(["10.20.16.0/20", "10.20.32.0/20", "10.20.48.0/20"]);
    expect(Subnets!.map((subnet) => subnet.AvailabilityZone).sort()).toEqual(["eu-west-1a", "eu-west-1b", "eu-west-1c"]);

    const { SecurityGroups } = await e.aws.ec2.send(
      new DescribeSecurityGroupsCommand({ Filters: [{ Name: "group-name", Values: ["orders-api-alb", "orders-api-ecs"] }] }),
    );
    const alb = SecurityGroups!.find((group) => group.GroupName === "orders-api-alb")!;
    const tasks = SecurityGroups!.find((group) => group.GroupName === "orders-api-ecs")!;
    expect(tasks.IpPermissions).toEqual([
      expect.objectContaining({
        IpProtocol: "tcp",
        FromPort: 8080,
        ToPort: 8080,
        IpRanges: [],
        UserIdGroupPairs: [expect.objectContaining({ GroupId: alb.GroupId })],
      }),
    ]);

    const { taskDefinition } = await e.aws.ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition: service.taskDefinition }));
    expect(taskDefinition).toMatchObject({ cpu: "1024", memory: "2048" });
    expect(taskDefinition!.containerDefinitions![0]).toMatchObject({
      name: "api",
      image: "ghcr.io/example-shop/orders-api:2.3.1",
      environment: [
        { name: "LOG_LEVEL", value: "info" },
        { name: "PORT", value: "8080" },
      ],
    });
  });

  it("checks health on /healthz and forwards /* with priority 10", async () => {
    const { TargetGroups } = await e.aws.elbv2.send(new DescribeTargetGroupsCommand({ Names: ["orders-api"] }));
    expect(TargetGroups![0]).toMatchObject({
      Port: 8080,
      HealthCheckPath: "/healthz",
      HealthCheckIntervalSeconds: 15,
      HealthCheckTimeoutSeconds: 5,
      HealthyThresholdCount: 2,
      UnhealthyThresholdCount: 3,
      Matcher: { HttpCode: "200-299" },
    });
    const { LoadBalancers } = await e.aws.elbv2.send(new DescribeLoadBalancersCommand({ Names: ["orders-api"] }));
    const { Listeners } = await e.aws.elbv2.send(new DescribeListenersCommand({ LoadBalancerArn: LoadBalancers![0].LoadBalancerArn }));
    const { Rules } = await e.aws.elbv2.send(new DescribeRulesCommand({ ListenerArn: Listeners![0].ListenerArn }));
    expect(Rules!.filter((rule) => !rule.IsDefault)).toEqual([
      expect.objectContaining({ Priority: "10", Conditions: [expect.objectContaining({ PathPatternConfig: { Values: ["/*"] } })] }),
    ]);
  });

  it("tags its resources", async () => {
    const { Vpcs } = await e.aws.ec2.send(new DescribeVpcsCommand({ Filters: [{ Name: "tag:Environment", Values: ["production"] }] }));
    expect(Vpcs).toHaveLength(1);
    expect(Vpcs![0].Tags).toEqual(
      expect.arrayContaining([
        { Key: "Name", Value: "orders-api" },
        { Key: "Service", Value: "orders-api" },
        { Key: "ManagedBy", Value: "cdktf" },
      ]),
    );
  });

  it("re-plans with no changes but the documented emulator gaps", async () => {
    expect(unexplainedChanges(await e.workspace.plan())).toEqual([]);
  });

  it("destroys everything, leaving an empty state in the bucket", async () => {
    await e.workspace.destroy();
    expect(await e.workspace.stateList()).toEqual([]);
    expect(await inventory(e.aws)).toEqual(NOTHING_LEFT);
    expect(await stateObjects()).toEqual([STATE_KEY]);
  });
});
