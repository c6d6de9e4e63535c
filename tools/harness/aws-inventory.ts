import { ACMClient, ListCertificatesCommand } from "@aws-sdk/client-acm";
import { ApplicationAutoScalingClient, DescribeScalableTargetsCommand } from "@aws-sdk/client-application-auto-scaling";
import { CloudWatchClient, DescribeAlarmsCommand } from "@aws-sdk/client-cloudwatch";
import { CloudWatchLogsClient, DescribeLogGroupsCommand } from "@aws-sdk/client-cloudwatch-logs";
import { DescribeFlowLogsCommand, DescribeNatGatewaysCommand, DescribeVpcsCommand, EC2Client } from "@aws-sdk/client-ec2";
import {
  DescribeClustersCommand,
  DescribeServicesCommand,
  ECSClient,
  ListClustersCommand,
  ListServicesCommand,
  ListTaskDefinitionsCommand,
} from "@aws-sdk/client-ecs";
import {
  DescribeLoadBalancersCommand,
  DescribeTargetGroupsCommand,
  ElasticLoadBalancingV2Client,
} from "@aws-sdk/client-elastic-load-balancing-v2";
import { EventBridgeClient, ListRulesCommand } from "@aws-sdk/client-eventbridge";
import { IAMClient, ListOpenIDConnectProvidersCommand, ListRolesCommand } from "@aws-sdk/client-iam";
import { CreateHostedZoneCommand, Route53Client } from "@aws-sdk/client-route-53";
import { type BucketLocationConstraint, CreateBucketCommand, ListBucketsCommand, S3Client } from "@aws-sdk/client-s3";
import { ListSchedulesCommand, SchedulerClient } from "@aws-sdk/client-scheduler";
import { ListNamespacesCommand, ServiceDiscoveryClient } from "@aws-sdk/client-servicediscovery";
import { ListStateMachinesCommand, SFNClient } from "@aws-sdk/client-sfn";
import { ListTopicsCommand, SNSClient } from "@aws-sdk/client-sns";
import { ListQueuesCommand, SQSClient } from "@aws-sdk/client-sqs";
import { DescribeParametersCommand, SSMClient } from "@aws-sdk/client-ssm";
import { ListWebACLsCommand, WAFV2Client } from "@aws-sdk/client-wafv2";

/** SDK clients for one endpoint and region (moto's, in this project's tests). */
export interface AwsClients {
  readonly ec2: EC2Client;
  readonly ecs: ECSClient;
  readonly elbv2: ElasticLoadBalancingV2Client;
  readonly s3: S3Client;
  readonly logs: CloudWatchLogsClient;
  readonly iam: IAMClient;
  readonly autoscaling: ApplicationAutoScalingClient;
  readonly route53: Route53Client;
  readonly acm: ACMClient;
  readonly wafv2: WAFV2Client;
  readonly cloudwatch: CloudWatchClient;
  readonly sns: SNSClient;
  readonly events: EventBridgeClient;
  readonly ssm: SSMClient;
  readonly sqs: SQSClient;
  readonly scheduler: SchedulerClient;
  readonly sfn: SFNClient;
  readonly serviceDiscovery: ServiceDiscoveryClient;
}

export function awsClients(endpoint: string, region: string): AwsClients {
  // The pinned SDK supports Node 20; its warning is about releases after January 2027.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";
  const config = { endpoint, region, credentials: { accessKeyId: "test", secretAccessKey: "test" } };
  return {
    ec2: new EC2Client(config),
    ecs: new ECSClient(config),
    elbv2: new ElasticLoadBalancingV2Client(config),
    s3: new S3Client({ ...config, forcePathStyle: true }),
    logs: new CloudWatchLogsClient(config),
    iam: new IAMClient(config),
    autoscaling: new ApplicationAutoScalingClient(config),
    route53: new Route53Client(config),
    acm: new ACMClient(config),
    wafv2: new WAFV2Client(config),
    cloudwatch: new CloudWatchClient(config),
    sns: new SNSClient(config),
    events: new EventBridgeClient(config),
    ssm: new SSMClient(config),
    sqs: new SQSClient(config),
    scheduler: new SchedulerClient(config),
    sfn: new SFNClient(config),
    serviceDiscovery: new ServiceDiscoveryClient(config),
  };
}

/** Creates the bucket an S3 backend keeps its state in, as a team would once, before the first init. */
export async function createStateBucket(s3: S3Client, bucket: string, region: string): Promise<void> {
  await s3.send(
    new CreateBucketCommand({
      Bucket: bucket,
      // us-east-1 is the one region S3 refuses a location constraint for.
      CreateBucketConfiguration: region === "us-east-1" ? undefined : { LocationConstraint: region as BucketLocationConstraint },
    }),
  );
}

/** Creates a public hosted zone, as a user's registrar and Route 53 would have before the first apply. */
export async function createHostedZone(route53: Route53Client, name: string): Promise<void> {
  await route53.send(new CreateHostedZoneCommand({ Name: name, CallerReference: `${name}-${Date.now()}` }));
}

/** What exists in an account, as counted through the AWS API rather than Terraform's state. */
export interface Inventory {
  /** VPCs other than the account's default one. */
  readonly vpcs: string[];
  /** NAT gateways not deleted or failed. */
  readonly natGateways: string[];
  readonly loadBalancers: string[];
  readonly targetGroups: string[];
  /** ACTIVE clusters. */
  readonly clusters: string[];
  /** ACTIVE services, as `cluster/service`. */
  readonly services: string[];
  readonly logGroups: string[];
  /** IAM roles other than AWS's own (service-linked ones under /aws-service-role/). */
  readonly roles: string[];
  /** ECS scalable targets, by resource id. */
  readonly scalableTargets: string[];
  /** ACM certificates, by domain name. */
  readonly certificates: string[];
  /** Regional WAF web ACLs. */
  readonly webAcls: string[];
  /** VPC flow logs, by id. */
  readonly flowLogs: string[];
  /** S3 buckets of load balancer access logs. */
  readonly logBuckets: string[];
  /** CloudWatch metric alarms, by name, but those of target tracking scaling policies. */
  readonly alarms: string[];
  /** SNS topics, by ARN's last part. */
  readonly topics: string[];
  /** EventBridge rules of the default bus. */
  readonly eventRules: string[];
  /** SSM parameters, by name. */
  readonly parameters: string[];
  /** IAM OIDC providers, by ARN. */
  readonly oidcProviders: string[];
  /** ECS task definition revisions that are ACTIVE. */
  readonly taskDefinitions: string[];
  /** SQS queues, by URL's last part (their name). */
  readonly queues: string[];
  /** EventBridge Scheduler schedules, by name. */
  readonly schedules: string[];
  /** Step Functions state machines, by name. */
  readonly stateMachines: string[];
  /** Cloud Map namespaces, by name. */
  readonly namespaces: string[];
}

export async function inventory(aws: AwsClients): Promise<Inventory> {
  const { ec2, ecs, elbv2, logs, iam, autoscaling, acm, wafv2, s3 } = aws;
  const [queues, schedules, stateMachines, namespaces] = await Promise.all([
    aws.sqs.send(new ListQueuesCommand({})),
    aws.scheduler.send(new ListSchedulesCommand({})),
    aws.sfn.send(new ListStateMachinesCommand({})),
    aws.serviceDiscovery.send(new ListNamespacesCommand({})),
  ]);
  const [alarms, topics, rules, parameters, oidc, taskDefinitions] = await Promise.all([
    aws.cloudwatch.send(new DescribeAlarmsCommand({})),
    aws.sns.send(new ListTopicsCommand({})),
    aws.events.send(new ListRulesCommand({})),
    aws.ssm.send(new DescribeParametersCommand({})),
    iam.send(new ListOpenIDConnectProvidersCommand({})),
    ecs.send(new ListTaskDefinitionsCommand({ status: "ACTIVE" })),
  ]);
  const [vpcs, nats, lbs, tgs, clusterArns, logGroups, roles, targets, certificates, webAcls, buckets, flowLogs] = await Promise.all([
    ec2.send(new DescribeVpcsCommand({})),
    ec2.send(new DescribeNatGatewaysCommand({})),
    elbv2.send(new DescribeLoadBalancersCommand({})),
    elbv2.send(new DescribeTargetGroupsCommand({})),
    ecs.send(new ListClustersCommand({})),
    logs.send(new DescribeLogGroupsCommand({})),
    iam.send(new ListRolesCommand({})),
    autoscaling.send(new DescribeScalableTargetsCommand({ ServiceNamespace: "ecs" })),
    acm.send(new ListCertificatesCommand({})),
    wafv2.send(new ListWebACLsCommand({ Scope: "REGIONAL" })),
    s3.send(new ListBucketsCommand({})),
    ec2.send(new DescribeFlowLogsCommand({})),
  ]);
  const clusters = clusterArns.clusterArns?.length
    ? ((await ecs.send(new DescribeClustersCommand({ clusters: clusterArns.clusterArns }))).clusters ?? []).filter(
        (cluster) => cluster.status === "ACTIVE",
      )
    : [];
  const services: string[] = [];
  for (const cluster of clusters) {
    const arns = (await ecs.send(new ListServicesCommand({ cluster: cluster.clusterArn }))).serviceArns ?? [];
    if (!arns.length) continue;
    const described = await ecs.send(new DescribeServicesCommand({ cluster: cluster.clusterArn, services: arns }));
    for (const service of described.services ?? []) {
      if (service.status === "ACTIVE") services.push(`${cluster.clusterName}/${service.serviceName}`);
    }
  }
  return {
    vpcs: (vpcs.Vpcs ?? []).filter((vpc) => !vpc.IsDefault).map((vpc) => vpc.VpcId!),
    natGateways: (nats.NatGateways ?? [])
      .filter((nat) => nat.State !== "deleted" && nat.State !== "failed")
      .map((nat) => nat.NatGatewayId!),
    loadBalancers: (lbs.LoadBalancers ?? []).map((lb) => lb.LoadBalancerName!),
    targetGroups: (tgs.TargetGroups ?? []).map((tg) => tg.TargetGroupName!),
    clusters: clusters.map((cluster) => cluster.clusterName!),
    services,
    logGroups: (logGroups.logGroups ?? []).map((group) => group.logGroupName!),
    roles: (roles.Roles ?? [])
      .filter((role) => !role.Path?.startsWith("/aws-service-role/"))
      .map((role) => role.RoleName!)
      .sort(),
    scalableTargets: (targets.ScalableTargets ?? []).map((target) => target.ResourceId!),
    certificates: (certificates.CertificateSummaryList ?? []).map((certificate) => certificate.DomainName!),
    webAcls: (webAcls.WebACLs ?? []).map((acl) => acl.Name!),
    logBuckets: (buckets.Buckets ?? []).map((bucket) => bucket.Name!).filter((name) => name.includes("-alb-logs-")),
    flowLogs: (flowLogs.FlowLogs ?? []).map((flowLog) => flowLog.FlowLogId!),
    // Not those Application Auto Scaling makes for its target tracking policies, and deletes with them.
    alarms: (alarms.MetricAlarms ?? [])
      .map((alarm) => alarm.AlarmName!)
      .filter((name) => !name.startsWith("TargetTracking-"))
      .sort(),
    topics: (topics.Topics ?? []).map((topic) => topic.TopicArn!.split(":").pop()!).sort(),
    eventRules: (rules.Rules ?? []).map((rule) => rule.Name!).sort(),
    parameters: (parameters.Parameters ?? []).map((parameter) => parameter.Name!).sort(),
    oidcProviders: (oidc.OpenIDConnectProviderList ?? []).map((provider) => provider.Arn!),
    taskDefinitions: (taskDefinitions.taskDefinitionArns ?? []).map((arn) => arn.split("/").pop()!).sort(),
    queues: (queues.QueueUrls ?? []).map((url) => url.split("/").pop()!).sort(),
    schedules: (schedules.Schedules ?? []).map((schedule) => schedule.Name!).sort(),
    stateMachines: (stateMachines.stateMachines ?? []).map((machine) => machine.name!).sort(),
    namespaces: (namespaces.Namespaces ?? []).map((namespace) => namespace.Name!).sort(),
  };
}
