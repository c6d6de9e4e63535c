import type { EcsServiceCapacityProviderStrategy } from "@cdktf/provider-aws/lib/ecs-service";
import type { LbListenerDefaultAction } from "@cdktf/provider-aws/lib/lb-listener";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { Aspects, TerraformStack, Token } from "cdktf";
import { Construct } from "constructs";
import { ecrRepositoryArn, execCommandStatements, executionRolePolicy, type PolicyStatement, policyDocument } from "../aws/iam-policies";
import { targetGroupName } from "../aws/target-group-name";
import { constructSource, SettingsError } from "../settings/problems";
import { resolveServiceSettings } from "../settings/resolve-settings";
import type { ResolvedServiceSettings } from "../settings/resolved-settings";
import type { FargateWebServiceProps } from "../settings/settings";
import { ACCESS_LOGS_PREFIX, AccessLogsBucket } from "./access-logs-bucket";
import { Cluster } from "./cluster";
import { ClusterCapacityProviders } from "./cluster-capacity-providers";
import { FargateService } from "./fargate-service";
import { FlowLogs } from "./flow-logs";
import { Https } from "./https";
import * as lazy from "./lazy-provider";
import { LoadBalancer, unmatchedAction } from "./load-balancer";
import { Network } from "./network";
import { ServiceAutoscaling } from "./service-autoscaling";
import { ServiceLogs } from "./service-logs";
import { TagResources } from "./tag-resources";
import { TaskRoles } from "./task-roles";
import { WebAcl } from "./web-acl";

const namesInStack = new WeakMap<TerraformStack, Map<string, string>>();

/**
 * A container service on ECS Fargate behind an internet-facing Application Load Balancer, in a VPC
 * of its own: the tutorial, configurable. With no props it is exactly the tutorial's `handson`
 * (same addresses, same values); `defaults: "recommended"` turns on what a production service
 * needs. Props are validated before any resource exists; a problem throws a {@link SettingsError}
 * listing every problem. The stack must hold an AWS provider.
 */
export class FargateWebService extends Construct {
  /** The props with every default applied. */
  public readonly settings: ResolvedServiceSettings;
  public readonly network: Network;
  public readonly loadBalancer: LoadBalancer;
  public readonly cluster: Cluster;
  public readonly service: FargateService;
  /** The log groups, when logs or ECS Exec are on. */
  public readonly logs?: ServiceLogs;
  /** The task execution role and the task role, when the service has either. */
  public readonly roles?: TaskRoles;
  /** The scaling target and its policies, with autoscaling. */
  public readonly autoscaling?: ServiceAutoscaling;
  /** Fargate and Fargate Spot on the cluster, when the service uses Spot. */
  public readonly capacityProviders?: ClusterCapacityProviders;
  /** The HTTPS chapter: certificate, DNS records, the HTTPS listener, when `https` is set. */
  public readonly https?: Https;
  /** The bucket of the load balancer's access logs, when they are on. */
  public readonly accessLogs?: AccessLogsBucket;
  /** The AWS WAF web ACL in front of the load balancer, when it is on. */
  public readonly webAcl?: WebAcl;
  /** The VPC's flow logs, when they are on. */
  public readonly flowLogs?: FlowLogs;

  constructor(scope: Construct, id: string, props: FargateWebServiceProps = {}) {
    super(scope, id);
    const source = constructSource(this.node.path);
    const knownRegion = providerRegion(this);
    const s = resolveServiceSettings(props, source, knownRegion);
    this.settings = s;
    claimName(this, s.name);
    const prefix = s.addressPrefix;
    const region = knownRegion ?? new (lazy.DataAwsRegion())(this, "region").name;

    this.network = new Network(this, "network", {
      name: s.name,
      vpcCidr: s.vpcCidr,
      azs: s.azs,
      publicSubnetCidrs: s.publicSubnetCidrs,
      privateSubnetCidrs: s.privateSubnetCidrs,
      natGateways: s.natGateways,
      safeReplacements: s.safeChanges,
      closeDefaultSecurityGroup: s.closeDefaultSecurityGroup,
      addressPrefix: prefix,
    });
    if (s.flowLogs) {
      this.flowLogs = new FlowLogs(this, "flow-logs", {
        name: s.name,
        vpcId: this.network.vpc.id,
        roleName: `${s.name}-${region}-flow-logs`,
        retentionDays: s.logs.retentionDays,
        addressPrefix: prefix,
      });
    }
    const edge = s.loadBalancer;
    if (edge.accessLogs) {
      this.accessLogs = new AccessLogsBucket(this, "access-logs", {
        name: s.name,
        retentionDays: edge.accessLogsRetentionDays,
        addressPrefix: prefix,
      });
    }
    // With every plain-HTTP request redirected, the service is reached over HTTPS only: its rule
    // goes on the HTTPS listener. The tutorial keeps it on HTTP, and forwards all of HTTPS to it.
    const httpsOnly = s.https?.redirectHttp === true;
    this.loadBalancer = new LoadBalancer(this, "load-balancer", {
      name: s.name,
      vpcId: this.network.vpc.id,
      subnetIds: this.network.publicSubnets.map((subnet) => subnet.id),
      dependsOn: [this.network.internetGateway],
      httpDefault: httpsOnly ? "redirect-to-https" : edge.unmatchedRequests,
      dropInvalidHeaderFields: edge.dropInvalidHeaderFields,
      deletionProtection: edge.deletionProtection,
      accessLogs: this.accessLogs && { bucket: this.accessLogs.policy.bucket, prefix: ACCESS_LOGS_PREFIX },
      egressCidr: edge.egress === "vpc" ? s.vpcCidr : undefined,
      describeRules: s.describeSecurityGroupRules,
      safeReplacements: s.safeChanges ? { vpc: this.network.vpc } : undefined,
      addressPrefix: prefix,
    });
    const https = (defaultAction: LbListenerDefaultAction) =>
      s.https &&
      new Https(this, "https", {
        domain: s.https.domain,
        aliases: s.https.aliases,
        hostedZone: s.https.hostedZone,
        loadBalancer: this.loadBalancer,
        defaultAction,
        tlsPolicy: s.https.tlsPolicy,
        redirectRule: !httpsOnly,
        safeReplacements: s.safeChanges,
        describeRules: s.describeSecurityGroupRules,
        addressPrefix: prefix,
      });
    if (httpsOnly) this.https = https(unmatchedAction(edge.unmatchedRequests));

    if (s.logs.enabled || s.enableExecuteCommand) {
      this.logs = new ServiceLogs(this, "logs", {
        name: s.name,
        retentionDays: s.logs.retentionDays,
        containerLogs: s.logs.enabled,
        execSessions: s.enableExecuteCommand,
        addressPrefix: prefix,
      });
    }
    const logGroup = this.logs?.logGroup;
    const execLogGroup = this.logs?.execLogGroup;

    this.cluster = new Cluster(this, "cluster", {
      name: s.name,
      containerInsights: s.containerInsights,
      execLogging: execLogGroup ? { logGroupName: execLogGroup.name } : s.safeChanges ? "unmanaged" : undefined,
      addressPrefix: prefix,
    });

    const ecrRepository = ecrRepositoryArn(s.image);
    const needsExecutionRole = s.logs.enabled || Object.keys(s.secrets).length > 0 || ecrRepository !== undefined;
    if (needsExecutionRole || s.taskRole) {
      const taskStatements: PolicyStatement[] = [
        ...s.taskRolePolicyStatements.map(({ effect = "Allow", actions, resources, conditions }) => ({
          Effect: effect,
          Action: actions,
          Resource: resources,
          ...(conditions && Object.keys(conditions).length ? { Condition: conditions } : {}),
        })),
        ...(execLogGroup ? execCommandStatements(execLogGroup.arn) : []),
      ];
      this.roles = new TaskRoles(this, "roles", {
        // IAM names are unique in the whole account: the region keeps the same service in two regions apart.
        namePrefix: `${s.name}-${region}`,
        executionPolicy: needsExecutionRole
          ? executionRolePolicy({
              ecrRepositoryArns: ecrRepository ? [ecrRepository] : [],
              logGroupArn: logGroup?.arn,
              secrets: s.secrets,
              kmsKeyArns: s.secretsKmsKeyArns,
            })
          : undefined,
        taskRole: s.taskRole,
        taskPolicy: policyDocument(taskStatements),
        addressPrefix: prefix,
      });
    }

    if (s.capacity.spotPercent > 0) {
      this.capacityProviders = new ClusterCapacityProviders(this, "capacity-providers", {
        clusterName: this.cluster.cluster.name,
        addressPrefix: prefix,
      });
    }

    // Without NAT gateways the private subnets have no way out: tasks run in the public ones.
    const withoutNat = s.natGateways === "none";
    const containerHealthCheck = s.containerHealthCheck;
    this.service = new FargateService(this, "service", {
      name: s.name,
      cluster: this.cluster.cluster.name,
      vpcId: this.network.vpc.id,
      ingress:
        s.serviceIngress === "alb-security-group" ? { securityGroupId: this.loadBalancer.securityGroup.id } : { cidrBlocks: [s.vpcCidr] },
      subnetIds: (withoutNat ? this.network.publicSubnets : this.network.privateSubnets).map((subnet) => subnet.id),
      assignPublicIp: withoutNat,
      listenerArn: (this.https ?? this.loadBalancer).listener.arn,
      image: s.image,
      containerName: s.containerName,
      containerPort: s.containerPort,
      cpu: s.cpu,
      memory: s.memory,
      desiredCount: s.desiredCount,
      environment: s.environment,
      secrets: s.secrets,
      healthCheck: s.healthCheck,
      listenerRule: s.listenerRule,
      executionRoleArn: this.roles?.executionRole?.arn,
      taskRoleArn: this.roles?.taskRole?.arn,
      logs: logGroup && { group: logGroup.name, region, streamPrefix: s.containerName },
      cpuArchitecture: s.capacity.cpuArchitecture,
      capacityProviderStrategy: this.capacityProviders && spotStrategy(s.capacity.spotPercent, s.capacity.onDemandBase),
      dependsOn: this.capacityProviders && [this.capacityProviders.capacityProviders],
      deployment: s.deployment,
      autoscaled: s.autoscaling !== undefined,
      enableExecuteCommand: s.enableExecuteCommand,
      propagateTags: s.propagateTags,
      containerHealthCheck: containerHealthCheck && {
        command: containerHealthCheck.command,
        interval: containerHealthCheck.intervalSeconds ?? 30,
        timeout: containerHealthCheck.timeoutSeconds ?? 5,
        retries: containerHealthCheck.retries ?? 3,
        startPeriod: containerHealthCheck.startPeriodSeconds ?? 0,
      },
      readonlyRootFilesystem: s.readonlyRootFilesystem,
      writablePaths: s.writablePaths,
      targetGroupName: s.safeChanges ? targetGroupName(s.name, s.containerPort, s.vpcCidr) : s.name,
      describeRules: s.describeSecurityGroupRules,
      safeReplacements: s.safeChanges,
      addressPrefix: prefix,
    });

    if (s.https && !httpsOnly) this.https = https({ type: "forward", targetGroupArn: this.service.targetGroup.id });
    if (edge.waf)
      this.webAcl = new WebAcl(this, "waf", { name: s.name, loadBalancerArn: this.loadBalancer.alb.arn, addressPrefix: prefix });

    if (s.autoscaling) {
      const scaling = s.autoscaling;
      this.autoscaling = new ServiceAutoscaling(this, "autoscaling", {
        name: s.name,
        clusterName: this.cluster.cluster.name,
        serviceName: this.service.service.name,
        minCount: scaling.minCount,
        maxCount: scaling.maxCount,
        cpuTargetPercent: scaling.cpuTargetPercent,
        memoryTargetPercent: scaling.memoryTargetPercent,
        requests: scaling.requestsPerTarget
          ? {
              perTarget: scaling.requestsPerTarget,
              loadBalancerArnSuffix: this.loadBalancer.alb.arnSuffix,
              targetGroupArnSuffix: this.service.targetGroup.arnSuffix,
            }
          : undefined,
        scaleInCooldownSeconds: scaling.scaleInCooldownSeconds,
        scaleOutCooldownSeconds: scaling.scaleOutCooldownSeconds,
        addressPrefix: prefix,
      });
    }
    if (Object.keys(s.tags).length) Aspects.of(this).add(new TagResources(s.tags));
  }
}

/**
 * Fargate Spot for `spotPercent` of the tasks beyond an on-demand base: the two weights are the
 * percentages in lowest terms (75 % gives FARGATE 1, FARGATE_SPOT 3).
 */
function spotStrategy(spotPercent: number, onDemandBase: number): EcsServiceCapacityProviderStrategy[] {
  const divisor = greatestCommonDivisor(spotPercent, 100 - spotPercent);
  return [
    { capacityProvider: "FARGATE", base: onDemandBase, weight: (100 - spotPercent) / divisor },
    { capacityProvider: "FARGATE_SPOT", weight: spotPercent / divisor },
  ];
}

function greatestCommonDivisor(a: number, b: number): number {
  return b === 0 ? a : greatestCommonDivisor(b, a % b);
}

/** The region of the stack's AWS provider, when it is known at synth time. */
function providerRegion(scope: Construct): string | undefined {
  const provider = TerraformStack.of(scope).node.children.find((child): child is AwsProvider => child instanceof AwsProvider);
  const region = provider?.region;
  return region && !Token.isUnresolved(region) ? region : undefined;
}

/** Two services of one name in a stack would ask AWS for the same load balancer, cluster, … */
function claimName(service: FargateWebService, name: string): void {
  const stack = TerraformStack.of(service);
  const names = namesInStack.get(stack) ?? new Map<string, string>();
  namesInStack.set(stack, names);
  const other = names.get(name);
  if (other !== undefined) {
    throw new SettingsError([
      `${service.node.path}.name: must differ from the name of ${other} in the same stack (AWS names would collide); received "${name}"`,
    ]);
  }
  names.set(name, service.node.path);
}
