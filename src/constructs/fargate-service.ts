import { EcsService, type EcsServiceCapacityProviderStrategy } from "@cdktf/provider-aws/lib/ecs-service";
import type { EcsTaskDefinition } from "@cdktf/provider-aws/lib/ecs-task-definition";
import { LbListenerRule } from "@cdktf/provider-aws/lib/lb-listener-rule";
import { LbTargetGroup } from "@cdktf/provider-aws/lib/lb-target-group";
import { SecurityGroup } from "@cdktf/provider-aws/lib/security-group";
import { SecurityGroupRule } from "@cdktf/provider-aws/lib/security-group-rule";
import { dependable, type ITerraformDependable } from "cdktf";
import { Construct } from "constructs";
import type { ContainerHealthCheck, ContainerLogs } from "../aws/container-definitions";
import type { CpuArchitecture, HealthCheckSettings } from "../settings/settings";
import { addressPinner, pinAddress } from "./address";
import { fargateTaskDefinition } from "./fargate-task-definition";
import { refuseSeparateEgressRules } from "./inline-egress";
import { createFirst } from "./replacement";

/** Where the tasks accept traffic on the container port from: address ranges, or one security group. */
export type IngressSource = { readonly cidrBlocks: string[] } | { readonly securityGroupId: string };

/** The short name and port other services call a service by through Service Connect: `http://<name>:<port>`. */
export interface ServiceConnectAlias {
  /** Discovery name, client alias and name of the container port's mapping. */
  readonly name: string;
  /** Port the callers use; their proxy forwards it to the container port. */
  readonly port: number;
}

/** How deployments replace tasks; fields left unset keep ECS's and the target group's defaults and are not written. */
export interface ServiceDeployment {
  /**
   * Roll back a deployment whose tasks never become healthy.
   * @default false
   */
  readonly circuitBreaker?: boolean;
  /**
   * Percent of the desired count kept healthy during a deployment.
   * @default - ECS's
   */
  readonly minimumHealthyPercent?: number;
  /**
   * Percent of the desired count that may run during a deployment.
   * @default - ECS's
   */
  readonly maximumPercent?: number;
  /**
   * Seconds during which failing load balancer health checks of a new task are ignored.
   * @default - none
   */
  readonly healthCheckGracePeriodSeconds?: number;
  /**
   * Seconds the target group drains a stopping task.
   * @default - the target group's
   */
  readonly deregistrationDelaySeconds?: number;
  /**
   * Seconds a container has after SIGTERM.
   * @default - ECS's
   */
  readonly stopTimeoutSeconds?: number;
  /**
   * Make apply wait for the service to be stable.
   * @default false
   */
  readonly waitForSteadyState?: boolean;
}

/** Properties of {@link FargateService}. */
export interface FargateServiceProps {
  /** Name of the service, its task family, target group and (with `-ecs`) security group. */
  readonly name: string;
  /** ECS cluster the service runs in (name or ARN). */
  readonly cluster: string;
  /** VPC of the tasks and the target group. */
  readonly vpcId: string;
  /**
   * Who may reach the container port: the VPC's CIDR in the tutorial.
   * @default - no one: a queue worker takes no connections, and an internal service admits its callers with `admit`
   */
  readonly ingress?: IngressSource;
  /** Subnets the tasks are placed in. */
  readonly subnetIds: string[];
  /**
   * Give each task a public IP: needed to pull images from public subnets without a NAT gateway.
   * @default false
   */
  readonly assignPublicIp?: boolean;
  /**
   * Listener whose rule forwards traffic to the service, through a target group of its own.
   * @default - none: no target group and no listener rule (an internal service, a queue worker)
   */
  readonly listenerArn?: string;
  /**
   * A second listener with the same rule: HTTPS, when plain HTTP reaches the service too.
   * @default - none
   */
  readonly alsoOnListenerArn?: string;
  /** Container image. */
  readonly image: string;
  /** Name of the container in the task definition. */
  readonly containerName: string;
  /** Port the container listens on; the target group forwards to it. */
  readonly containerPort: number;
  /**
   * The container takes connections on its port (a queue worker takes none, and maps no port).
   * @default true
   */
  readonly listens?: boolean;
  /**
   * The name and port the platform's other services call the container port by, once the service is on Service Connect ({@link FargateService.connectTo}).
   * @default - none: a client of Service Connect at most
   */
  readonly publish?: ServiceConnectAlias;
  /** Task CPU units. */
  readonly cpu: number;
  /** Task memory in MiB. */
  readonly memory: number;
  /** Number of tasks to keep running (the first count, when autoscaling changes it). */
  readonly desiredCount: number;
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
  /** Health check of the target group; fields left unset keep AWS's defaults. */
  readonly healthCheck: HealthCheckSettings & { readonly path: string; readonly port: number };
  /** Paths and host names the listener rule forwards (none: any), and its priority (unset: AWS picks the next free one). */
  readonly listenerRule: { readonly pathPatterns: readonly string[]; readonly hostHeaders?: readonly string[]; readonly priority?: number };
  /**
   * The role ECS pulls the image, writes the logs and reads the secrets with.
   * @default - none
   */
  readonly executionRoleArn?: string;
  /**
   * The role the application runs as.
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
   * Run on these capacity providers (Fargate, Fargate Spot) instead of the FARGATE launch type, each change a new deployment, so that the strategy can change in place.
   * @default - the FARGATE launch type
   */
  readonly capacityProviderStrategy?: readonly EcsServiceCapacityProviderStrategy[];
  /**
   * How deployments replace tasks.
   * @default {}
   */
  readonly deployment?: ServiceDeployment;
  /**
   * The desired count is changed by autoscaling: a later apply must not reset it.
   * @default false
   */
  readonly autoscaled?: boolean;
  /**
   * Allow ECS Exec into the containers.
   * @default false
   */
  readonly enableExecuteCommand?: boolean;
  /**
   * Copy the service's tags to its tasks.
   * @default false
   */
  readonly propagateTags?: boolean;
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
   * Read the task definition as the family's latest active revision, which a release may have registered, instead of the revision Terraform registered last.
   * @default false
   */
  readonly trackLatestRevision?: boolean;
  /**
   * What else must exist before the service, such as the cluster's capacity providers.
   * @default - the listener rule only
   */
  readonly dependsOn?: ITerraformDependable[];
  /**
   * Name of the target group.
   * @default - the service's name
   */
  readonly targetGroupName?: string;
  /**
   * Describe the security group's rules.
   * @default false
   */
  readonly describeRules?: boolean;
  /**
   * Write the service for changes on a live stack: replace the task definition, target group, security group and its rules the new one first, and write what a feature turned off returns to (tags not copied to tasks), which the provider would otherwise leave as it was.
   * @default false
   */
  readonly safeReplacements?: boolean;
  /**
   * Prefix of the Terraform addresses.
   * @default - none: the tutorial's addresses
   */
  readonly addressPrefix?: string;
}

/**
 * The tutorial's ECS chapter without the cluster: a task definition, a target group that the
 * listener forwards matching paths to, a security group for the tasks, and the Fargate service
 * that runs the tasks and registers them with the target group. Everything beyond the chapter is
 * written only when set, so that with the tutorial's props it is the chapter's HCL.
 */
export class FargateService extends Construct {
  public readonly taskDefinition: EcsTaskDefinition;
  /** The target group the listener rule forwards to, behind a load balancer. */
  public readonly targetGroup?: LbTargetGroup;
  /** The rule on the listener, behind a load balancer. */
  public readonly listenerRule?: LbListenerRule;
  /** The same rule on the second listener, when there is one. */
  public readonly secondListenerRule?: LbListenerRule;
  public readonly securityGroup: SecurityGroup;
  public readonly service: EcsService;
  /** The alias it is called by on Service Connect, when it publishes one. */
  public readonly publish?: ServiceConnectAlias;
  private readonly props: FargateServiceProps;

  constructor(scope: Construct, id: string, props: FargateServiceProps) {
    super(scope, id);
    this.props = props;
    this.publish = props.publish;
    const { name, containerName, containerPort, healthCheck, deployment = {}, listenerArn } = props;
    const listens = props.listens ?? true;
    const pin = addressPinner(props.addressPrefix);
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
        name: containerName,
        image: props.image,
        ports: listens ? [containerPort, ...(listenerArn ? [healthCheck.port] : [])] : [],
        trafficPortName: props.publish?.name,
        environment: props.environment ?? {},
        secrets: props.secrets,
        logs: props.logs,
        readonlyRootFilesystem: props.readonlyRootFilesystem,
        healthCheck: props.containerHealthCheck,
        stopTimeout: deployment.stopTimeoutSeconds,
        initProcess: props.enableExecuteCommand,
      },
    });
    pin(this.taskDefinition, "main");

    if (listenerArn) {
      const targetGroup = new LbTargetGroup(this, "tg", {
        name: props.targetGroupName ?? name,
        lifecycle: createFirst(props.safeReplacements),
        vpcId: props.vpcId,
        port: containerPort,
        protocol: "HTTP",
        targetType: "ip",
        deregistrationDelay:
          deployment.deregistrationDelaySeconds === undefined ? undefined : String(deployment.deregistrationDelaySeconds),
        healthCheck: {
          port: String(healthCheck.port),
          path: healthCheck.path,
          interval: healthCheck.intervalSeconds,
          timeout: healthCheck.timeoutSeconds,
          healthyThreshold: healthCheck.healthyThreshold,
          unhealthyThreshold: healthCheck.unhealthyThreshold,
          matcher: healthCheck.matcher,
        },
      });
      pin(targetGroup, "main");
      this.targetGroup = targetGroup;

      const { pathPatterns, hostHeaders = [], priority } = props.listenerRule;
      const rule = (listenerArn: string) => ({
        listenerArn,
        priority,
        action: [{ type: "forward", targetGroupArn: targetGroup.arn }],
        condition: [
          ...(pathPatterns.length ? [{ pathPattern: { values: [...pathPatterns] } }] : []),
          ...(hostHeaders.length ? [{ hostHeader: { values: [...hostHeaders] } }] : []),
        ],
      });
      this.listenerRule = new LbListenerRule(this, "rule", rule(listenerArn));
      pin(this.listenerRule, "main");
      if (props.alsoOnListenerArn) {
        this.secondListenerRule = new LbListenerRule(this, "second-rule", rule(props.alsoOnListenerArn));
        pin(this.secondListenerRule, "main_https");
      }
    }

    const describe = (text: string) => (props.describeRules ? text : undefined);
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
          description: describe("To anywhere: image pulls, AWS APIs and what the application calls"),
        },
      ],
      tags: { Name: `${name}-ecs` },
      lifecycle: createFirst(props.safeReplacements),
    });
    pin(this.securityGroup, "ecs");
    refuseSeparateEgressRules(this.securityGroup);

    if (props.ingress) {
      const ingressFrom = (ingress: IngressSource, port: number) => ({
        securityGroupId: this.securityGroup.id,
        type: "ingress",
        fromPort: port,
        toPort: port,
        protocol: "tcp",
        ...("cidrBlocks" in ingress
          ? { cidrBlocks: ingress.cidrBlocks, description: describe(`Port ${port} from the VPC`) }
          : { sourceSecurityGroupId: ingress.securityGroupId, description: describe(`Port ${port} from the load balancer`) }),
        lifecycle: createFirst(props.safeReplacements),
      });
      pin(new SecurityGroupRule(this, "ingress", ingressFrom(props.ingress, containerPort)), "ecs");
      // Probes on a port of their own need it open too, or every task fails its health check.
      if (listenerArn && healthCheck.port !== containerPort) {
        pin(new SecurityGroupRule(this, "health-check-ingress", ingressFrom(props.ingress, healthCheck.port)), "ecs_health_check");
      }
    }

    const strategy = props.capacityProviderStrategy;
    this.service = new EcsService(this, "service", {
      name,
      cluster: props.cluster,
      // A service takes either a launch type or a capacity provider strategy, never both.
      launchType: strategy ? undefined : "FARGATE",
      capacityProviderStrategy: strategy ? [...strategy] : undefined,
      // The provider replaces a service whose strategy changes unless each change is a new deployment.
      forceNewDeployment: strategy ? true : undefined,
      desiredCount: props.desiredCount,
      taskDefinition: this.taskDefinition.arn,
      networkConfiguration: {
        subnets: props.subnetIds,
        securityGroups: [this.securityGroup.id],
        // Written only when set, so that the tutorial's configuration stays as it was.
        assignPublicIp: props.assignPublicIp || undefined,
      },
      loadBalancer: this.targetGroup && [{ targetGroupArn: this.targetGroup.arn, containerName, containerPort }],
      deploymentCircuitBreaker: deployment.circuitBreaker ? { enable: true, rollback: true } : undefined,
      deploymentMinimumHealthyPercent: deployment.minimumHealthyPercent,
      deploymentMaximumPercent: deployment.maximumPercent,
      // Only the load balancer's health checks have a grace period; ECS refuses one without them.
      healthCheckGracePeriodSeconds: this.targetGroup && deployment.healthCheckGracePeriodSeconds,
      waitForSteadyState: deployment.waitForSteadyState || undefined,
      enableExecuteCommand: props.enableExecuteCommand || undefined,
      // The provider sends nothing when the attribute is gone, and ECS keeps what it is not told:
      // once turned on, tags stop being copied only if NONE is written.
      propagateTags: props.propagateTags ? "SERVICE" : props.safeReplacements ? "NONE" : undefined,
      enableEcsManagedTags: props.propagateTags || undefined,
      // Autoscaling owns the running count from the first apply on; resetting it would undo a scale-out.
      lifecycle: props.autoscaled ? { ignoreChanges: ["desired_count"] } : undefined,
      // The target group must be attached to the listener before ECS registers tasks in it.
      dependsOn: [
        ...(this.listenerRule ? [this.listenerRule] : []),
        ...(this.secondListenerRule ? [this.secondListenerRule] : []),
        ...(props.dependsOn ?? []),
      ],
    });
    pin(this.service, "main");
  }

  /**
   * Runs the tasks with a Service Connect proxy in the namespace: the service publishes its alias,
   * or calls the others' only. The proxy logs where the container does, as AWS recommends.
   */
  connectTo(namespaceArn: string): void {
    const { publish, logs } = this.props;
    this.service.putServiceConnectConfiguration({
      enabled: true,
      // Named, not left to the cluster's default: an existing cluster may have none, and the
      // provider cannot take a cluster's default away once set.
      namespace: namespaceArn,
      service: publish && [
        { portName: publish.name, discoveryName: publish.name, clientAlias: { port: publish.port, dnsName: publish.name } },
      ],
      logConfiguration: logs && {
        logDriver: "awslogs",
        options: { "awslogs-group": logs.group, "awslogs-region": logs.region, "awslogs-stream-prefix": logs.streamPrefix },
      },
    });
  }

  /**
   * Starts after `server`, and deploys again when the names it can call change: a task resolves
   * only the Service Connect names that existed when it started (AWS's "Service Connect
   * deployment" guidance), so callers must not start before their servers, nor keep running
   * tasks that predate a new one.
   */
  callsAfter(server: FargateService, publishedNames: readonly string[]): void {
    const fqn = dependable(server.service);
    if (!this.service.dependsOn?.includes(fqn)) this.service.dependsOn = [...(this.service.dependsOn ?? []), fqn];
    this.callsNames(publishedNames);
  }

  /** Deploys again when the Service Connect names it can call change (a trigger needs force_new_deployment). */
  callsNames(publishedNames: readonly string[]): void {
    this.service.forceNewDeployment = true;
    this.service.triggers = { service_connect: [...publishedNames].sort().join(",") };
  }

  /** Admits another service's tasks on the container port, where the Service Connect proxy of a published service listens. */
  admit(caller: FargateService): void {
    const { containerPort } = this.props;
    const callerName = caller.props.name;
    const rule = new SecurityGroupRule(this, `ingress-from-${callerName}`, {
      securityGroupId: this.securityGroup.id,
      type: "ingress",
      fromPort: containerPort,
      toPort: containerPort,
      protocol: "tcp",
      sourceSecurityGroupId: caller.securityGroup.id,
      description: this.props.describeRules ? `Port ${containerPort} from ${callerName}` : undefined,
      lifecycle: createFirst(this.props.safeReplacements),
    });
    pinAddress(rule, `ecs_from_${callerName.toLowerCase().replace(/[^a-z0-9]+/g, "_")}`, this.props.addressPrefix);
  }
}
