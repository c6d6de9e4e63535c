import type { EcsServiceCapacityProviderStrategy } from "@cdktf/provider-aws/lib/ecs-service";
import type { Construct } from "constructs";
import type { ContainerHealthCheck } from "../aws/container-definitions";
import { ecrRepositoryArn, execCommandStatements, executionRolePolicy, type PolicyStatement, policyDocument } from "../aws/iam-policies";
import { serviceTargetGroupName } from "../aws/target-group-name";
import type { ResolvedServiceSettings } from "../settings/resolved-settings";
import type { ContainerHealthCheckSettings } from "../settings/settings";
import type { ClusterCapacityProviders } from "./cluster-capacity-providers";
import { DeploymentNotifications } from "./deployment-notifications";
import { FargateService } from "./fargate-service";
import type { Platform } from "./platform";
import { QuietHours } from "./quiet-hours";
import { ReleasedImage } from "./released-image";
import { ScheduledJob } from "./scheduled-job";
import { ServiceAlarms, serviceAlarmNames } from "./service-alarms";
import { ServiceAutoscaling } from "./service-autoscaling";
import { ServiceLogs } from "./service-logs";
import { QUEUE_CONSUMER_ACTIONS, ServiceQueue } from "./service-queue";
import { TaskRoles } from "./task-roles";

/** What one service adds to a platform. */
export interface ServiceParts {
  /** The log group of the containers' output, when logs are on. */
  readonly logs?: ServiceLogs;
  /** The task execution role and the task role, when the service has either. */
  readonly roles?: TaskRoles;
  /** Fargate and Fargate Spot on the cluster, when the service runs on capacity providers. */
  readonly capacityProviders?: ClusterCapacityProviders;
  /** The ECS service with its task definition, for every kind but a job. */
  readonly service?: FargateService;
  /** A job's task definition, state machine and schedule. */
  readonly job?: ScheduledJob;
  /** The scheduled actions of the quiet hours, when the service has them. */
  readonly quietHours?: QuietHours;
  /** The scaling target and its policies, with autoscaling. */
  readonly autoscaling?: ServiceAutoscaling;
  /** The parameter holding the image releases deployed, when releases deploy the image. */
  readonly releasedImage?: ReleasedImage;
  /** The alarms on what users feel, when they are on. */
  readonly alarms?: ServiceAlarms;
  /** The rule telling the environment's topic of a failed deployment, with the alarms. */
  readonly deploymentNotifications?: DeploymentNotifications;
  /** A worker's queue and dead-letter queue, with its subscriptions. */
  readonly queue?: ServiceQueue;
}

/**
 * Builds one service on a platform in `scope`: its logs, roles, task definition, target group,
 * listener rules, security group, ECS service and scaling. `first` says whether it is the
 * platform's first service, which the tutorial's HTTPS listener forwards to.
 */
export function buildService(scope: Construct, platform: Platform, s: ResolvedServiceSettings, first: boolean): ServiceParts {
  const prefix = s.addressPrefix;
  const { region } = platform;
  // Asked for before the service's own log group, so that the sessions' group comes first in the stack, as the platform's.
  const execLogGroup = s.enableExecuteCommand ? platform.execSessionLogs(s.logs.retentionDays)?.execLogGroup : undefined;
  const logs = s.logs.enabled
    ? new ServiceLogs(scope, "logs", { name: s.name, retentionDays: s.logs.retentionDays, containerLogs: true, addressPrefix: prefix })
    : undefined;
  const logGroup = logs?.logGroup;

  // Before the roles: a worker's task role may consume its queue, and no other.
  const queue =
    s.kind === "worker" && s.queue ? new ServiceQueue(scope, "queue", { name: s.name, ...s.queue, addressPrefix: prefix }) : undefined;

  const ecrRepository = ecrRepositoryArn(s.image);
  const needsExecutionRole = s.logs.enabled || Object.keys(s.secrets).length > 0 || ecrRepository !== undefined;
  let roles: TaskRoles | undefined;
  if (needsExecutionRole || s.taskRole || queue) {
    const taskStatements: PolicyStatement[] = [
      ...s.taskRolePolicyStatements.map(({ effect = "Allow", actions, resources, conditions }) => ({
        Effect: effect,
        Action: actions,
        Resource: resources,
        ...(conditions && Object.keys(conditions).length ? { Condition: conditions } : {}),
      })),
      // On a cluster that exists already, the sessions are logged wherever its configuration says.
      ...(s.enableExecuteCommand ? execCommandStatements(execLogGroup?.arn) : []),
      ...(queue ? [{ Sid: "ConsumeQueue", Effect: "Allow" as const, Action: QUEUE_CONSUMER_ACTIONS, Resource: queue.queue.arn }] : []),
    ];
    roles = new TaskRoles(scope, "roles", {
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
      taskRole: s.taskRole || queue !== undefined,
      taskPolicy: policyDocument(taskStatements),
      addressPrefix: prefix,
    });
  }

  const onCapacityProviders = s.capacity.spotPercent > 0 || s.capacity.useCapacityProviders;
  const capacityProviders = onCapacityProviders ? platform.capacityProviders(scope, platform.settings.addressPrefix) : undefined;
  // What a job's task and a service's tasks are made of, and where they run.
  const task = {
    name: s.name,
    vpcId: platform.vpcId,
    subnetIds: platform.taskSubnetIds,
    assignPublicIp: platform.tasksInPublicSubnets,
    containerName: s.containerName,
    cpu: s.cpu,
    memory: s.memory,
    secrets: s.secrets,
    executionRoleArn: roles?.executionRole?.arn,
    taskRoleArn: roles?.taskRole?.arn,
    logs: logGroup && { group: logGroup.name, region, streamPrefix: s.containerName },
    cpuArchitecture: s.capacity.cpuArchitecture,
    capacityProviderStrategy: capacityProviders && capacityStrategy(s.capacity.spotPercent, s.capacity.onDemandBase),
    containerHealthCheck: s.containerHealthCheck && dockerHealthCheck(s.containerHealthCheck),
    readonlyRootFilesystem: s.readonlyRootFilesystem,
    writablePaths: s.writablePaths,
    enableExecuteCommand: s.enableExecuteCommand,
    describeRules: s.describeSecurityGroupRules,
    safeReplacements: s.safeChanges,
    addressPrefix: prefix,
  };
  // A job has no ECS service: its task runs on its schedule, and nothing else of a service has a meaning for it.
  if (s.kind === "job" && s.schedule) {
    const job = new ScheduledJob(scope, "job", {
      ...task,
      clusterArn: platform.clusterArn,
      clusterName: platform.clusterName,
      region,
      schedule: s.schedule,
      image: s.image,
      environment: s.environment,
      stopTimeoutSeconds: s.deployment.stopTimeoutSeconds,
      // The environment's topic, when subscribers or an earlier service's alarms made it; a job never creates it.
      failureTopicArn: platform.notifications?.topic.arn,
    });
    return { logs, roles, capacityProviders, job };
  }
  const releasedImage =
    s.imageDeployedBy === "release"
      ? new ReleasedImage(scope, "released-image", { name: s.name, firstImage: s.image, addressPrefix: prefix })
      : undefined;
  // Only a web service is behind the load balancer: the other kinds have no target group nor rule.
  const web = s.kind === "web";
  const [listenerArn, alsoOnListenerArn] = web ? platform.ruleListenerArns(first) : [];
  const service = new FargateService(scope, "service", {
    ...task,
    cluster: platform.clusterName,
    ingress: !web
      ? undefined
      : s.serviceIngress === "alb-security-group"
        ? { securityGroupId: platform.loadBalancerSecurityGroupId }
        : { cidrBlocks: platform.vpcCidrBlocks },
    listenerArn,
    alsoOnListenerArn,
    image: releasedImage?.image ?? s.image,
    trackLatestRevision: releasedImage !== undefined,
    containerPort: s.containerPort,
    listens: s.kind !== "worker",
    publish: s.serviceConnect,
    desiredCount: s.desiredCount,
    environment: queue ? { ...s.environment, QUEUE_URL: queue.queue.url } : s.environment,
    healthCheck: s.healthCheck,
    listenerRule: s.listenerRule,
    dependsOn: capacityProviders && [capacityProviders.capacityProviders],
    deployment: s.deployment,
    // Quiet hours change the count through a scaling target too.
    autoscaled: s.autoscaling !== undefined || s.quietHours !== undefined,
    propagateTags: s.propagateTags,
    targetGroupName: serviceTargetGroupName(s),
  });
  const { targetGroup } = service;
  if (first && targetGroup) platform.forwardHttpsTo(targetGroup.id);
  // An internal service publishes its name; every other service calls it, once the platform has one.
  platform.joinServiceConnect(service);

  let alarms: ServiceAlarms | undefined;
  let deploymentNotifications: DeploymentNotifications | undefined;
  if (s.alarms.enabled && targetGroup) {
    const { topic } = platform.notificationsTopic();
    alarms = new ServiceAlarms(scope, "alarms", {
      name: s.name,
      loadBalancerArnSuffix: platform.loadBalancerArnSuffix,
      targetGroupArnSuffix: targetGroup.arnSuffix,
      targetErrorsPerMinute: s.alarms.targetErrorsPerMinute,
      responseTimeSeconds: s.alarms.responseTimeSeconds,
      unhealthyTargets: s.alarms.unhealthyTargets,
      evaluationMinutes: s.alarms.evaluationMinutes,
      topicArn: topic.arn,
      addressPrefix: prefix,
    });
    // ECS watches them during each deployment: one that goes off fails it, and rolls it back.
    service.service.putAlarms({ alarmNames: alarms.names, enable: true, rollback: s.alarms.rollbackDeployments });
    deploymentNotifications = new DeploymentNotifications(scope, "deployment-notifications", {
      name: s.name,
      serviceArn: service.service.id,
      topicArn: topic.arn,
      addressPrefix: prefix,
    });
  } else if (s.safeChanges) {
    // The provider (5.x) cannot take deployment alarms off a service: without the block it sends
    // ECS alarms with no names, which the SDK refuses. Written off instead, with the names they had
    // (ECS does not watch alarms that are off), the service converges whether it had them or not.
    service.service.putAlarms({ alarmNames: serviceAlarmNames(s.name), enable: false, rollback: false });
  }

  let autoscaling: ServiceAutoscaling | undefined;
  if (s.autoscaling) {
    const scaling = s.autoscaling;
    autoscaling = new ServiceAutoscaling(scope, "autoscaling", {
      name: s.name,
      clusterName: platform.clusterName,
      serviceName: service.service.name,
      service: service.service,
      minCount: scaling.minCount,
      maxCount: scaling.maxCount,
      cpuTargetPercent: scaling.cpuTargetPercent,
      memoryTargetPercent: scaling.memoryTargetPercent,
      requests:
        scaling.requestsPerTarget && targetGroup
          ? {
              perTarget: scaling.requestsPerTarget,
              loadBalancerArnSuffix: platform.loadBalancerArnSuffix,
              targetGroupArnSuffix: targetGroup.arnSuffix,
            }
          : undefined,
      backlog: scaling.messagesPerTask && queue ? { perTask: scaling.messagesPerTask, queueName: queue.queue.name } : undefined,
      scaleInCooldownSeconds: scaling.scaleInCooldownSeconds,
      scaleOutCooldownSeconds: scaling.scaleOutCooldownSeconds,
      addressPrefix: prefix,
    });
  }
  const quietHours =
    s.quietHours &&
    new QuietHours(scope, "quiet-hours", {
      name: s.name,
      clusterName: platform.clusterName,
      service: service.service,
      target: autoscaling?.target,
      ...s.quietHours,
      minCount: s.autoscaling?.minCount ?? s.desiredCount,
      maxCount: s.autoscaling?.maxCount ?? s.desiredCount,
      addressPrefix: prefix,
    });
  return { logs, roles, capacityProviders, service, autoscaling, releasedImage, alarms, deploymentNotifications, queue, quietHours };
}

/**
 * Fargate Spot for `spotPercent` of the tasks beyond an on-demand base: the two weights are the
 * percentages in lowest terms (75 % gives FARGATE 1, FARGATE_SPOT 3). Without Spot, Fargate alone.
 */
function capacityStrategy(spotPercent: number, onDemandBase: number): EcsServiceCapacityProviderStrategy[] {
  if (spotPercent === 0) return [{ capacityProvider: "FARGATE", weight: 1 }];
  const divisor = greatestCommonDivisor(spotPercent, 100 - spotPercent);
  return [
    { capacityProvider: "FARGATE", base: onDemandBase, weight: (100 - spotPercent) / divisor },
    { capacityProvider: "FARGATE_SPOT", weight: spotPercent / divisor },
  ];
}

/** The container's health check with every field written: AWS fills in the unset ones, which would read back as a change. */
function dockerHealthCheck(check: ContainerHealthCheckSettings): ContainerHealthCheck {
  return {
    command: check.command,
    interval: check.intervalSeconds ?? 30,
    timeout: check.timeoutSeconds ?? 5,
    retries: check.retries ?? 3,
    startPeriod: check.startPeriodSeconds ?? 0,
  };
}

function greatestCommonDivisor(a: number, b: number): number {
  return b === 0 ? a : greatestCommonDivisor(b, a % b);
}
