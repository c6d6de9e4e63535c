import { EcsService } from "@cdktf/provider-aws/lib/ecs-service";
import { EcsTaskDefinition } from "@cdktf/provider-aws/lib/ecs-task-definition";
import { LbListenerRule } from "@cdktf/provider-aws/lib/lb-listener-rule";
import { LbTargetGroup } from "@cdktf/provider-aws/lib/lb-target-group";
import { SecurityGroup } from "@cdktf/provider-aws/lib/security-group";
import { SecurityGroupRule } from "@cdktf/provider-aws/lib/security-group-rule";
import { Construct } from "constructs";
import { containerDefinitions } from "../aws/container-definitions";
import type { HealthCheckSettings } from "../settings/settings";
import { addressPinner } from "./address";

/** Where the tasks accept traffic on the container port from: address ranges, or one security group. */
export type IngressSource = { readonly cidrBlocks: string[] } | { readonly securityGroupId: string };

/** Properties of {@link FargateService}. */
export interface FargateServiceProps {
  /** Name of the service, its task family, target group and (with `-ecs`) security group. */
  readonly name: string;
  /** ECS cluster the service runs in (name or ARN). */
  readonly cluster: string;
  /** VPC of the tasks and the target group. */
  readonly vpcId: string;
  /** Who may reach the container port: the VPC's CIDR in the tutorial. */
  readonly ingress: IngressSource;
  /** Subnets the tasks are placed in. */
  readonly subnetIds: string[];
  /**
   * Give each task a public IP: needed to pull images from public subnets without a NAT gateway.
   * @default false
   */
  readonly assignPublicIp?: boolean;
  /** Listener whose rule forwards traffic to the service. */
  readonly listenerArn: string;
  /** Container image. */
  readonly image: string;
  /** Name of the container in the task definition. */
  readonly containerName: string;
  /** Port the container listens on; the target group forwards to it. */
  readonly containerPort: number;
  /** Task CPU units. */
  readonly cpu: number;
  /** Task memory in MiB. */
  readonly memory: number;
  /** Number of tasks to keep running. */
  readonly desiredCount: number;
  /**
   * Environment variables of the container.
   * @default {}
   */
  readonly environment?: Readonly<Record<string, string>>;
  /** Health check of the target group; fields left unset keep AWS's defaults. */
  readonly healthCheck: HealthCheckSettings & { readonly path: string; readonly port: number };
  /** Paths the listener rule forwards, and its priority (unset: AWS picks the next free one). */
  readonly listenerRule: { readonly pathPatterns: readonly string[]; readonly priority?: number };
  /**
   * Prefix of the Terraform addresses.
   * @default - none: the tutorial's addresses
   */
  readonly addressPrefix?: string;
}

/**
 * The tutorial's ECS chapter without the cluster: a task definition, a target group that the
 * listener forwards matching paths to, a security group for the tasks, and the Fargate service
 * that runs the tasks and registers them with the target group.
 */
export class FargateService extends Construct {
  public readonly taskDefinition: EcsTaskDefinition;
  public readonly targetGroup: LbTargetGroup;
  public readonly listenerRule: LbListenerRule;
  public readonly securityGroup: SecurityGroup;
  public readonly service: EcsService;

  constructor(scope: Construct, id: string, props: FargateServiceProps) {
    super(scope, id);
    const { name, containerName, containerPort, healthCheck } = props;
    const pin = addressPinner(props.addressPrefix);

    this.taskDefinition = new EcsTaskDefinition(this, "task", {
      family: name,
      requiresCompatibilities: ["FARGATE"],
      cpu: String(props.cpu),
      memory: String(props.memory),
      networkMode: "awsvpc",
      containerDefinitions: containerDefinitions({
        name: containerName,
        image: props.image,
        ports: [containerPort, healthCheck.port],
        environment: props.environment ?? {},
      }),
    });
    pin(this.taskDefinition, "main");

    this.targetGroup = new LbTargetGroup(this, "tg", {
      name,
      vpcId: props.vpcId,
      port: containerPort,
      protocol: "HTTP",
      targetType: "ip",
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
    pin(this.targetGroup, "main");

    this.listenerRule = new LbListenerRule(this, "rule", {
      listenerArn: props.listenerArn,
      priority: props.listenerRule.priority,
      action: [{ type: "forward", targetGroupArn: this.targetGroup.arn }],
      condition: [{ pathPattern: { values: [...props.listenerRule.pathPatterns] } }],
    });
    pin(this.listenerRule, "main");

    this.securityGroup = new SecurityGroup(this, "sg", {
      name: `${name}-ecs`,
      description: `${name} ecs`,
      vpcId: props.vpcId,
      egress: [{ fromPort: 0, toPort: 0, protocol: "-1", cidrBlocks: ["0.0.0.0/0"] }],
      tags: { Name: `${name}-ecs` },
    });
    pin(this.securityGroup, "ecs");

    const ingressFrom = (port: number) => ({
      securityGroupId: this.securityGroup.id,
      type: "ingress",
      fromPort: port,
      toPort: port,
      protocol: "tcp",
      ...("cidrBlocks" in props.ingress
        ? { cidrBlocks: props.ingress.cidrBlocks }
        : { sourceSecurityGroupId: props.ingress.securityGroupId }),
    });
    pin(new SecurityGroupRule(this, "ingress", ingressFrom(containerPort)), "ecs");
    // Probes on a port of their own need it open too, or every task fails its health check.
    if (healthCheck.port !== containerPort) {
      pin(new SecurityGroupRule(this, "health-check-ingress", ingressFrom(healthCheck.port)), "ecs_health_check");
    }

    this.service = new EcsService(this, "service", {
      name,
      cluster: props.cluster,
      launchType: "FARGATE",
      desiredCount: props.desiredCount,
      taskDefinition: this.taskDefinition.arn,
      networkConfiguration: {
        subnets: props.subnetIds,
        securityGroups: [this.securityGroup.id],
        // Written only when set, so that the tutorial's configuration stays as it was.
        assignPublicIp: props.assignPublicIp || undefined,
      },
      loadBalancer: [{ targetGroupArn: this.targetGroup.arn, containerName, containerPort }],
      // The target group must be attached to the listener before ECS registers tasks in it.
      dependsOn: [this.listenerRule],
    });
    pin(this.service, "main");
  }
}
