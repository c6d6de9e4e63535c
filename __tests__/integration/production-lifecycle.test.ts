import { DescribeCertificateCommand, ListCertificatesCommand } from "@aws-sdk/client-acm";
import { DescribeScalableTargetsCommand, DescribeScalingPoliciesCommand } from "@aws-sdk/client-application-auto-scaling";
import { DescribeLogGroupsCommand } from "@aws-sdk/client-cloudwatch-logs";
import { DescribeFlowLogsCommand, DescribeSecurityGroupsCommand, DescribeSubnetsCommand, DescribeVpcsCommand } from "@aws-sdk/client-ec2";
import { DescribeClustersCommand, DescribeServicesCommand, DescribeTaskDefinitionCommand } from "@aws-sdk/client-ecs";
import {
  DescribeListenersCommand,
  DescribeLoadBalancerAttributesCommand,
  DescribeLoadBalancersCommand,
  DescribeRulesCommand,
  DescribeTargetGroupAttributesCommand,
  DescribeTargetGroupsCommand,
} from "@aws-sdk/client-elastic-load-balancing-v2";
import { GetRoleCommand, GetRolePolicyCommand } from "@aws-sdk/client-iam";
import { ListHostedZonesByNameCommand, ListResourceRecordSetsCommand } from "@aws-sdk/client-route-53";
import {
  GetBucketEncryptionCommand,
  GetBucketLifecycleConfigurationCommand,
  GetBucketPolicyCommand,
  GetObjectCommand,
  GetPublicAccessBlockCommand,
  ListObjectsV2Command,
} from "@aws-sdk/client-s3";
import { GetWebACLForResourceCommand } from "@aws-sdk/client-wafv2";
import { ECS_TASKS_TRUST_POLICY, execCommandStatements, executionRolePolicy, policyDocument } from "../../src/aws/iam-policies";
import { targetGroupName } from "../../src/aws/target-group-name";
import { inventory } from "../../tools/harness/aws-inventory";
import type { RunResult } from "../../tools/harness/run-command";
import { synthesizeToTemp, withoutDeletionProtection } from "../../tools/harness/terraform-workspace";
import { APPLY, applyAndActMidway, type Environment, hclWorkspace, NOTHING_LEFT, startEnvironment } from "./environment";

const BUCKET = "example-shop-terraform-state";
const STATE_KEY = "orders-api/production.tfstate";
const RESOURCES = 82;
const DATA_SOURCES = 3;
const ACCOUNT = "123456789012";
const ROLE_PREFIX = "orders-api-eu-west-1";
const DOMAIN = "orders.example-shop.com";
const ALIAS = "api.example-shop.com";
// Named after its port and VPC, so that a replacement can be created beside it.
const TARGET_GROUP = targetGroupName("orders-api", 8080, "10.20.0.0/16");

describe("config/production.json against a local AWS API, state in S3", () => {
  let e: Environment;
  beforeAll(async () => {
    e = await startEnvironment("production");
    await e.workspace.init();
  });
  afterAll(async () => e?.dispose());

  const listeners = async () => {
    const { LoadBalancers } = await e.aws.elbv2.send(new DescribeLoadBalancersCommand({ Names: ["orders-api"] }));
    const { Listeners } = await e.aws.elbv2.send(new DescribeListenersCommand({ LoadBalancerArn: LoadBalancers![0].LoadBalancerArn }));
    return { http: Listeners!.find((listener) => listener.Port === 80)!, https: Listeners!.find((listener) => listener.Port === 443)! };
  };

  const stateObjects = async () =>
    ((await e.aws.s3.send(new ListObjectsV2Command({ Bucket: BUCKET }))).Contents ?? []).map((object) => object.Key).sort();

  it("plans its 82 resources", async () => {
    const changes = await e.workspace.plan();
    expect(changes).toHaveLength(RESOURCES);
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
      targetGroups: [TARGET_GROUP],
      clusters: ["orders-api"],
      services: ["orders-api/orders-api"],
      logGroups: ["/ecs/orders-api", "/ecs/orders-api/exec", "/vpc/orders-api/flow-logs"],
      roles: ["execution", "flow-logs", "github-infra", "github-plan", "github-release", "task"].map((role) => `${ROLE_PREFIX}-${role}`),
      alarms: ["orders-api-response-time", "orders-api-target-5xx", "orders-api-unhealthy-targets"],
      topics: ["orders-api-notifications"],
      eventRules: ["orders-api-deployment-failed"],
      parameters: ["/ecs/orders-api/image"],
      oidcProviders: [expect.stringMatching(/:oidc-provider\/token\.actions\.githubusercontent\.com$/)],
      scalableTargets: ["service/orders-api/orders-api"],
      certificates: ["orders.example-shop.com"],
      webAcls: ["orders-api"],
      logBuckets: [expect.stringMatching(/^orders-api-alb-logs-/)],
      flowLogs: [expect.any(String)],
    });
    expect(found.vpcs).toHaveLength(1);
  });

  it("keeps the state in the bucket, whole, and the lock released", async () => {
    expect(await stateObjects()).toEqual([STATE_KEY]);
    const body = await (await e.aws.s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: STATE_KEY }))).Body!.transformToString();
    const state = JSON.parse(body);
    expect(state.resources.filter((resource: { mode: string }) => resource.mode === "managed")).toHaveLength(RESOURCES);
    // Plus what the stack reads: the hosted zone, the account, the region's load balancer account.
    expect(await e.workspace.stateList()).toHaveLength(RESOURCES + DATA_SOURCES);
  });

  it("runs what the file says: 3 tasks of its image on 8080 in the private subnets, reachable from the ALB only", async () => {
    const { services } = await e.aws.ecs.send(new DescribeServicesCommand({ cluster: "orders-api", services: ["orders-api"] }));
    const service = services![0];
    expect(service).toMatchObject({ status: "ACTIVE", desiredCount: 3 });
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
    expect(taskDefinition).toMatchObject({
      cpu: "1024",
      memory: "2048",
      executionRoleArn: `arn:aws:iam::${ACCOUNT}:role/${ROLE_PREFIX}-execution`,
      taskRoleArn: `arn:aws:iam::${ACCOUNT}:role/${ROLE_PREFIX}-task`,
    });
    expect(taskDefinition!.containerDefinitions![0]).toMatchObject({
      name: "api",
      image: `${ACCOUNT}.dkr.ecr.eu-west-1.amazonaws.com/orders-api:2.3.1`,
      environment: [
        { name: "LOG_LEVEL", value: "info" },
        { name: "PORT", value: "8080" },
      ],
      // Only references: the values are read by ECS when a task starts, never written anywhere.
      secrets: [
        { name: "DATABASE_PASSWORD", valueFrom: `arn:aws:ssm:eu-west-1:${ACCOUNT}:parameter/orders-api/database-password` },
        { name: "PAYMENT_API_KEY", valueFrom: `arn:aws:secretsmanager:eu-west-1:${ACCOUNT}:secret:orders-api/payment-api-key-AbCdEf` },
      ],
      logConfiguration: {
        logDriver: "awslogs",
        options: { "awslogs-group": "/ecs/orders-api", "awslogs-region": "eu-west-1", "awslogs-stream-prefix": "api" },
      },
      linuxParameters: { initProcessEnabled: true },
    });
  });

  it("deploys safely: circuit breaker with rollback, 100/200 %, a grace period, 30 s of draining; Exec on, tags to the tasks", async () => {
    const { services } = await e.aws.ecs.send(new DescribeServicesCommand({ cluster: "orders-api", services: ["orders-api"] }));
    expect(services![0]).toMatchObject({
      deploymentConfiguration: {
        deploymentCircuitBreaker: { enable: true, rollback: true },
        minimumHealthyPercent: 100,
        maximumPercent: 200,
      },
      healthCheckGracePeriodSeconds: 60,
      enableExecuteCommand: true,
      propagateTags: "SERVICE",
      enableECSManagedTags: true,
    });
    const { TargetGroups } = await e.aws.elbv2.send(new DescribeTargetGroupsCommand({ Names: [TARGET_GROUP] }));
    const { Attributes } = await e.aws.elbv2.send(
      new DescribeTargetGroupAttributesCommand({ TargetGroupArn: TargetGroups![0].TargetGroupArn }),
    );
    expect(Attributes).toContainEqual({ Key: "deregistration_delay.timeout_seconds", Value: "30" });
  });

  it("runs a quarter of the tasks beyond the first on-demand one on Fargate Spot, on a cluster that has both, with Container Insights and logged Exec sessions", async () => {
    const { services } = await e.aws.ecs.send(new DescribeServicesCommand({ cluster: "orders-api", services: ["orders-api"] }));
    expect(services![0].launchType).toBeUndefined();
    // A set to the provider: the order AWS returns it in is not the order it was written in.
    const strategy = [...services![0].capacityProviderStrategy!].sort((a, b) => a.capacityProvider!.localeCompare(b.capacityProvider!));
    expect(strategy).toEqual([
      { capacityProvider: "FARGATE", base: 1, weight: 1 },
      { capacityProvider: "FARGATE_SPOT", weight: 3 },
    ]);
    const { clusters } = await e.aws.ecs.send(
      new DescribeClustersCommand({ clusters: ["orders-api"], include: ["SETTINGS", "CONFIGURATIONS"] }),
    );
    expect([...clusters![0].capacityProviders!].sort()).toEqual(["FARGATE", "FARGATE_SPOT"]);
    expect(clusters![0]).toMatchObject({
      settings: [{ name: "containerInsights", value: "enabled" }],
      configuration: {
        executeCommandConfiguration: { logging: "OVERRIDE", logConfiguration: { cloudWatchLogGroupName: "/ecs/orders-api/exec" } },
      },
    });
  });

  it("keeps the container logs and the Exec sessions 30 days", async () => {
    const { logGroups } = await e.aws.logs.send(new DescribeLogGroupsCommand({ logGroupNamePrefix: "/ecs/orders-api" }));
    expect(logGroups!.map((group) => [group.logGroupName, group.retentionInDays])).toEqual([
      ["/ecs/orders-api", 30],
      ["/ecs/orders-api/exec", 30],
    ]);
  });

  it("gives the execution role exactly its repository, log group and secrets, and the task role its statements and Exec", async () => {
    const policyOf = async (role: string) =>
      JSON.parse(
        decodeURIComponent(
          (await e.aws.iam.send(new GetRolePolicyCommand({ RoleName: role, PolicyName: role.split("-").pop() }))).PolicyDocument!,
        ),
      );
    const logGroupArn = `arn:aws:logs:eu-west-1:${ACCOUNT}:log-group:/ecs/orders-api`;
    expect(await policyOf(`${ROLE_PREFIX}-execution`)).toEqual(
      executionRolePolicy({
        ecrRepositoryArns: [`arn:aws:ecr:eu-west-1:${ACCOUNT}:repository/orders-api`],
        logGroupArn,
        secrets: {
          DATABASE_PASSWORD: `arn:aws:ssm:eu-west-1:${ACCOUNT}:parameter/orders-api/database-password`,
          PAYMENT_API_KEY: `arn:aws:secretsmanager:eu-west-1:${ACCOUNT}:secret:orders-api/payment-api-key-AbCdEf`,
        },
        kmsKeyArns: [],
      }),
    );
    expect(await policyOf(`${ROLE_PREFIX}-task`)).toEqual(
      policyDocument([
        { Effect: "Allow", Action: ["s3:GetObject", "s3:PutObject"], Resource: ["arn:aws:s3:::example-shop-orders-invoices/*"] },
        ...execCommandStatements(`${logGroupArn}/exec`),
      ]),
    );
    for (const name of ["execution", "task"]) {
      const { Role } = await e.aws.iam.send(new GetRoleCommand({ RoleName: `${ROLE_PREFIX}-${name}` }));
      expect(JSON.parse(decodeURIComponent(Role!.AssumeRolePolicyDocument!))).toEqual(ECS_TASKS_TRUST_POLICY);
    }
  });

  it("scales between 2 and 6 tasks on CPU and requests per task", async () => {
    const { ScalableTargets } = await e.aws.autoscaling.send(new DescribeScalableTargetsCommand({ ServiceNamespace: "ecs" }));
    expect(ScalableTargets).toEqual([
      expect.objectContaining({
        ResourceId: "service/orders-api/orders-api",
        ScalableDimension: "ecs:service:DesiredCount",
        MinCapacity: 2,
        MaxCapacity: 6,
      }),
    ]);
    const { ScalingPolicies } = await e.aws.autoscaling.send(new DescribeScalingPoliciesCommand({ ServiceNamespace: "ecs" }));
    const byName = Object.fromEntries(
      ScalingPolicies!.map((policy) => [policy.PolicyName, policy.TargetTrackingScalingPolicyConfiguration]),
    );
    expect(Object.keys(byName).sort()).toEqual(["orders-api-cpu", "orders-api-requests"]);
    expect(byName["orders-api-cpu"]).toMatchObject({
      TargetValue: 60,
      ScaleInCooldown: 300,
      ScaleOutCooldown: 60,
      PredefinedMetricSpecification: { PredefinedMetricType: "ECSServiceAverageCPUUtilization" },
    });
    expect(byName["orders-api-requests"]).toMatchObject({
      TargetValue: 500,
      PredefinedMetricSpecification: {
        PredefinedMetricType: "ALBRequestCountPerTarget",
        ResourceLabel: expect.stringMatching(new RegExp(`^app/orders-api/[0-9a-f]+/targetgroup/${TARGET_GROUP}/[0-9a-f]+$`)),
      },
    });
  });

  it("checks health on /healthz and forwards /* with priority 10", async () => {
    const { TargetGroups } = await e.aws.elbv2.send(new DescribeTargetGroupsCommand({ Names: [TARGET_GROUP] }));
    expect(TargetGroups![0]).toMatchObject({
      Port: 8080,
      HealthCheckPath: "/healthz",
      HealthCheckIntervalSeconds: 15,
      HealthCheckTimeoutSeconds: 5,
      HealthyThresholdCount: 2,
      UnhealthyThresholdCount: 3,
      Matcher: { HttpCode: "200-299" },
    });
    const { https } = await listeners();
    const { Rules } = await e.aws.elbv2.send(new DescribeRulesCommand({ ListenerArn: https.ListenerArn }));
    expect(Rules!.filter((rule) => !rule.IsDefault)).toEqual([
      expect.objectContaining({ Priority: "10", Conditions: [expect.objectContaining({ PathPatternConfig: { Values: ["/*"] } })] }),
    ]);
  });

  it("serves HTTPS only: TLS 1.3 and 1.2, every HTTP request redirected, 404 for what no rule matches", async () => {
    const { http, https } = await listeners();
    const { CertificateSummaryList } = await e.aws.acm.send(new ListCertificatesCommand({ CertificateStatuses: ["ISSUED"] }));
    expect(CertificateSummaryList!.map((certificate) => certificate.DomainName)).toEqual([DOMAIN]);
    const { Certificate } = await e.aws.acm.send(
      new DescribeCertificateCommand({ CertificateArn: CertificateSummaryList![0].CertificateArn }),
    );
    expect([...Certificate!.SubjectAlternativeNames!].sort()).toEqual([ALIAS, DOMAIN]);
    expect(https).toMatchObject({
      Protocol: "HTTPS",
      SslPolicy: "ELBSecurityPolicy-TLS13-1-2-Res-PQ-2025-09",
      Certificates: [{ CertificateArn: Certificate!.CertificateArn }],
      DefaultActions: [
        expect.objectContaining({ Type: "fixed-response", FixedResponseConfig: expect.objectContaining({ StatusCode: "404" }) }),
      ],
    });
    expect(http.DefaultActions).toEqual([
      expect.objectContaining({
        Type: "redirect",
        RedirectConfig: expect.objectContaining({ Protocol: "HTTPS", Port: "443", StatusCode: "HTTP_301" }),
      }),
    ]);
    const { Rules } = await e.aws.elbv2.send(new DescribeRulesCommand({ ListenerArn: http.ListenerArn }));
    expect(Rules!.filter((rule) => !rule.IsDefault)).toEqual([]);
  });

  it("points its domain and its alias, both validated on the certificate, at the load balancer", async () => {
    const { HostedZones } = await e.aws.route53.send(new ListHostedZonesByNameCommand({ DNSName: "example-shop.com" }));
    const { ResourceRecordSets } = await e.aws.route53.send(new ListResourceRecordSetsCommand({ HostedZoneId: HostedZones![0].Id }));
    const { LoadBalancers } = await e.aws.elbv2.send(new DescribeLoadBalancersCommand({ Names: ["orders-api"] }));
    for (const name of [DOMAIN, ALIAS]) {
      expect(ResourceRecordSets).toContainEqual(
        expect.objectContaining({
          Name: `${name}.`,
          Type: "A",
          AliasTarget: expect.objectContaining({ DNSName: LoadBalancers![0].DNSName }),
        }),
      );
    }
    const { CertificateSummaryList } = await e.aws.acm.send(new ListCertificatesCommand({}));
    const { Certificate } = await e.aws.acm.send(
      new DescribeCertificateCommand({ CertificateArn: CertificateSummaryList![0].CertificateArn }),
    );
    for (const option of Certificate!.DomainValidationOptions!) {
      expect(option.ValidationStatus).toBe("SUCCESS");
      expect(ResourceRecordSets).toContainEqual(expect.objectContaining({ Name: option.ResourceRecord!.Name, Type: "CNAME" }));
    }
  });

  it("closes the network: flow logs of the VPC, its default security group without rules, the load balancer reaching only the VPC, every rule described", async () => {
    const { Vpcs } = await e.aws.ec2.send(new DescribeVpcsCommand({ Filters: [{ Name: "tag:Name", Values: ["orders-api"] }] }));
    const vpcId = Vpcs![0].VpcId!;
    const { FlowLogs } = await e.aws.ec2.send(new DescribeFlowLogsCommand({ Filter: [{ Name: "resource-id", Values: [vpcId] }] }));
    expect(FlowLogs).toEqual([
      expect.objectContaining({
        TrafficType: "ALL",
        LogDestinationType: "cloud-watch-logs",
        LogGroupName: "/vpc/orders-api/flow-logs",
        DeliverLogsStatus: "SUCCESS",
        DeliverLogsPermissionArn: `arn:aws:iam::${ACCOUNT}:role/${ROLE_PREFIX}-flow-logs`,
      }),
    ]);
    const { logGroups } = await e.aws.logs.send(new DescribeLogGroupsCommand({ logGroupNamePrefix: "/vpc/orders-api/" }));
    expect(logGroups!.map((group) => group.retentionInDays)).toEqual([30]);

    const groups = async (name: string) =>
      (
        await e.aws.ec2.send(
          new DescribeSecurityGroupsCommand({
            Filters: [
              { Name: "vpc-id", Values: [vpcId] },
              { Name: "group-name", Values: [name] },
            ],
          }),
        )
      ).SecurityGroups!;
    const [closed] = await groups("default");
    expect([closed.IpPermissions, closed.IpPermissionsEgress]).toEqual([[], []]);

    const [alb] = await groups("orders-api-alb");
    expect(alb.IpPermissionsEgress).toEqual([
      expect.objectContaining({ IpProtocol: "-1", IpRanges: [{ CidrIp: "10.20.0.0/16", Description: "To the targets in the VPC" }] }),
    ]);
    expect(alb.IpPermissions!.flatMap((rule) => rule.IpRanges!.map((range) => [rule.FromPort, range.Description])).sort()).toEqual([
      [443, "HTTPS from the internet"],
      [80, "HTTP from the internet"],
    ]);
    const [tasks] = await groups("orders-api-ecs");
    expect(tasks.IpPermissions![0].UserIdGroupPairs).toEqual([
      expect.objectContaining({ Description: "Port 8080 from the load balancer" }),
    ]);
  });

  it("hardens the load balancer: invalid headers dropped, deletion protection, access logs, the WAF's common rule set", async () => {
    const { LoadBalancers } = await e.aws.elbv2.send(new DescribeLoadBalancersCommand({ Names: ["orders-api"] }));
    const arn = LoadBalancers![0].LoadBalancerArn!;
    const { Attributes } = await e.aws.elbv2.send(new DescribeLoadBalancerAttributesCommand({ LoadBalancerArn: arn }));
    const attributes = Object.fromEntries(Attributes!.map(({ Key, Value }) => [Key, Value]));
    const [bucket] = (await inventory(e.aws)).logBuckets;
    expect(attributes).toMatchObject({
      "routing.http.drop_invalid_header_fields.enabled": "true",
      "deletion_protection.enabled": "true",
      "access_logs.s3.enabled": "true",
      "access_logs.s3.bucket": bucket,
      "access_logs.s3.prefix": "alb",
    });
    expect(bucket).toMatch(/^orders-api-alb-logs-/);
    const { ServerSideEncryptionConfiguration } = await e.aws.s3.send(new GetBucketEncryptionCommand({ Bucket: bucket }));
    expect(ServerSideEncryptionConfiguration!.Rules![0].ApplyServerSideEncryptionByDefault).toEqual({ SSEAlgorithm: "AES256" });
    const { PublicAccessBlockConfiguration } = await e.aws.s3.send(new GetPublicAccessBlockCommand({ Bucket: bucket }));
    expect(Object.values(PublicAccessBlockConfiguration!)).toEqual([true, true, true, true]);
    const { Rules } = await e.aws.s3.send(new GetBucketLifecycleConfigurationCommand({ Bucket: bucket }));
    expect(Rules![0]).toMatchObject({ Status: "Enabled", Expiration: { Days: 90 } });
    const policy = JSON.parse((await e.aws.s3.send(new GetBucketPolicyCommand({ Bucket: bucket }))).Policy!);
    expect(policy.Statement.map((statement: { Principal: unknown }) => statement.Principal)).toEqual([
      { AWS: "arn:aws:iam::156460612806:root" },
      { Service: "logdelivery.elasticloadbalancing.amazonaws.com" },
    ]);

    const { WebACL } = await e.aws.wafv2.send(new GetWebACLForResourceCommand({ ResourceArn: arn }));
    expect(WebACL).toMatchObject({
      Name: "orders-api",
      Rules: [
        expect.objectContaining({ Statement: { ManagedRuleGroupStatement: { VendorName: "AWS", Name: "AWSManagedRulesCommonRuleSet" } } }),
      ],
    });
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

  it("re-plans with no changes", async () => {
    expect(await e.workspace.plan()).toEqual([]);
  });

  it("plans no change either from its plain HCL (npm run hcl): HTTPS, the WAF, the access logs and the DNS records' loops included", async () => {
    expect(await (await hclWorkspace(e, "production")).plan()).toEqual([]);
  });

  it("keeps its load balancer through a destroy while deletion protection is on, as AWS does, and an apply restores the rest", async () => {
    const result = await e.workspace.run(["destroy", "-auto-approve", "-input=false", "-no-color"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/OperationNotPermitted.*deletion protection is enabled/s);
    // Terraform deletes what depends on the load balancer before it reaches it: the protection
    // keeps the load balancer (its DNS name, what points at it) and what it stands on, not the service.
    const kept = await e.workspace.stateList();
    expect(kept).toContain("aws_lb.main");
    expect(kept).not.toContain("aws_ecs_service.main");
    expect((await inventory(e.aws)).loadBalancers).toEqual(["orders-api"]);

    const restore = await e.workspace.plan();
    expect(restore.length).toBeGreaterThan(0);
    expect(restore.every((change) => change.actions.join() === "create")).toBe(true);
    await e.workspace.apply();
    expect(await e.workspace.stateList()).toHaveLength(RESOURCES + DATA_SOURCES);
    expect(await e.workspace.plan()).toEqual([]);
  });

  it("destroys everything once deletion protection is turned off and applied, leaving an empty state in the bucket", async () => {
    synthesizeToTemp({ into: e.root, edit: withoutDeletionProtection });
    const changes = await e.workspace.plan();
    // What the README promises: one in-place change, and the load balancer keeps running.
    expect(changes).toEqual([
      expect.objectContaining({ address: "aws_lb.main", actions: ["update"], changedAttributes: ["enable_deletion_protection"] }),
    ]);
    await e.workspace.apply();
    await e.workspace.destroy();
    expect(await e.workspace.stateList()).toEqual([]);
    expect(await inventory(e.aws)).toEqual(NOTHING_LEFT);
    expect(await stateObjects()).toEqual([STATE_KEY]);
  });
});
