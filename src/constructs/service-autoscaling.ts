import {
  AppautoscalingPolicy,
  type AppautoscalingPolicyTargetTrackingScalingPolicyConfiguration,
} from "@cdktf/provider-aws/lib/appautoscaling-policy";
import { AppautoscalingTarget } from "@cdktf/provider-aws/lib/appautoscaling-target";
import type { EcsService } from "@cdktf/provider-aws/lib/ecs-service";
import { Construct } from "constructs";
import { addressOf, addressPinner } from "./address";

/** Properties of {@link ServiceAutoscaling}. */
export interface ServiceAutoscalingProps {
  /** Name of the service, written: the policies are named after it. */
  readonly name: string;
  /** Name of the ECS cluster, as a reference, so that the scaling target waits for it. */
  readonly clusterName: string;
  /** Name of the ECS service, as a reference, so that the scaling target waits for it. */
  readonly serviceName: string;
  /**
   * The ECS service: when it is replaced, AWS deletes its scaling target and policies with it while
   * their Terraform addresses stay, so they are replaced with it.
   */
  readonly service: EcsService;
  readonly minCount: number;
  readonly maxCount: number;
  /**
   * Average CPU use to keep, in percent.
   * @default - no CPU policy
   */
  readonly cpuTargetPercent?: number;
  /**
   * Average memory use to keep, in percent.
   * @default - no memory policy
   */
  readonly memoryTargetPercent?: number;
  /**
   * Requests per task per minute to keep, with the load balancer and target group they are counted on.
   * @default - no request policy
   */
  readonly requests?: { readonly perTarget: number; readonly loadBalancerArnSuffix: string; readonly targetGroupArnSuffix: string };
  /**
   * Messages waiting in a worker's queue per running task to keep, with the queue's name; the
   * running tasks are counted by Container Insights, which must be on for the cluster.
   * @default - no backlog policy
   */
  readonly backlog?: { readonly perTask: number; readonly queueName: string };
  readonly scaleInCooldownSeconds: number;
  readonly scaleOutCooldownSeconds: number;
  /**
   * Prefix of the Terraform addresses.
   * @default - none
   */
  readonly addressPrefix?: string;
}

/** Target tracking scaling of an ECS service's task count: one policy per metric it follows. */
export class ServiceAutoscaling extends Construct {
  public readonly target: AppautoscalingTarget;
  public readonly policies: AppautoscalingPolicy[] = [];

  constructor(scope: Construct, id: string, props: ServiceAutoscalingProps) {
    super(scope, id);
    const pin = addressPinner(props.addressPrefix);
    // A new service (its ID unknown until it exists) brings a new target and new policies.
    const lifecycle = { replaceTriggeredBy: [`${addressOf(props.service)}.id`] };
    this.target = new AppautoscalingTarget(this, "target", {
      serviceNamespace: "ecs",
      scalableDimension: "ecs:service:DesiredCount",
      resourceId: `service/${props.clusterName}/${props.serviceName}`,
      minCapacity: props.minCount,
      maxCapacity: props.maxCount,
      lifecycle,
    });
    pin(this.target, "main");

    type Metric = Pick<
      AppautoscalingPolicyTargetTrackingScalingPolicyConfiguration,
      "predefinedMetricSpecification" | "customizedMetricSpecification"
    >;
    const policy = (name: "cpu" | "memory" | "requests" | "backlog", targetValue: number, metric: Metric) => {
      const created = new AppautoscalingPolicy(this, name, {
        name: `${props.name}-${name}`,
        policyType: "TargetTrackingScaling",
        serviceNamespace: this.target.serviceNamespace,
        scalableDimension: this.target.scalableDimension,
        resourceId: this.target.resourceId,
        targetTrackingScalingPolicyConfiguration: {
          targetValue,
          scaleInCooldown: props.scaleInCooldownSeconds,
          scaleOutCooldown: props.scaleOutCooldownSeconds,
          ...metric,
        },
        lifecycle,
      });
      pin(created, name);
      this.policies.push(created);
    };
    if (props.cpuTargetPercent !== undefined)
      policy("cpu", props.cpuTargetPercent, { predefinedMetricSpecification: { predefinedMetricType: "ECSServiceAverageCPUUtilization" } });
    if (props.memoryTargetPercent !== undefined) {
      policy("memory", props.memoryTargetPercent, {
        predefinedMetricSpecification: { predefinedMetricType: "ECSServiceAverageMemoryUtilization" },
      });
    }
    if (props.requests) {
      const { perTarget, loadBalancerArnSuffix, targetGroupArnSuffix } = props.requests;
      policy("requests", perTarget, {
        predefinedMetricSpecification: {
          predefinedMetricType: "ALBRequestCountPerTarget",
          resourceLabel: `${loadBalancerArnSuffix}/${targetGroupArnSuffix}`,
        },
      });
    }
    if (props.backlog) {
      // The backlog per task, as AWS's example of metric math for target tracking computes it. With no
      // task running, target tracking scales out only on a value above its target, which a backlog
      // smaller than one task's share is not: any message waiting then reads as twice the target, so
      // that the first one starts a worker at zero. Container Insights may publish nothing for a
      // service with no task: FILL reads that as none running.
      const perTask = props.backlog.perTask;
      policy("backlog", perTask, {
        customizedMetricSpecification: {
          metrics: [
            {
              id: "visible",
              label: "Messages waiting in the queue",
              metricStat: {
                metric: {
                  namespace: "AWS/SQS",
                  metricName: "ApproximateNumberOfMessagesVisible",
                  dimensions: [{ name: "QueueName", value: props.backlog.queueName }],
                },
                stat: "Sum",
              },
              returnData: false,
            },
            {
              id: "running",
              label: "Tasks running",
              metricStat: {
                metric: {
                  namespace: "ECS/ContainerInsights",
                  metricName: "RunningTaskCount",
                  dimensions: [
                    { name: "ClusterName", value: props.clusterName },
                    { name: "ServiceName", value: props.serviceName },
                  ],
                },
                stat: "Average",
              },
              returnData: false,
            },
            {
              id: "backlog_per_task",
              label: "Messages waiting per running task",
              expression: backlogPerTaskExpression(perTask),
              returnData: true,
            },
          ],
        },
      });
    }
  }
}

/** Messages waiting per running task, and twice the target when no task runs and any message waits. */
export function backlogPerTaskExpression(perTask: number): string {
  return `IF(FILL(running, 0) > 0, visible / FILL(running, 0), IF(visible > 0, ${2 * perTask}, 0))`;
}
