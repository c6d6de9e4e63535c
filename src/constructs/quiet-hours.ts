import { AppautoscalingScheduledAction } from "@cdktf/provider-aws/lib/appautoscaling-scheduled-action";
import { AppautoscalingTarget } from "@cdktf/provider-aws/lib/appautoscaling-target";
import type { EcsService } from "@cdktf/provider-aws/lib/ecs-service";
import { Construct } from "constructs";
import { addressOf, addressPinner } from "./address";

/** Properties of {@link QuietHours}. */
export interface QuietHoursProps {
  /** Name of the service: the actions are `<name>-quiet-start` and `<name>-quiet-end`. */
  readonly name: string;
  /** Name of the ECS cluster, as a reference, so that a target created here waits for it. */
  readonly clusterName: string;
  /** The ECS service: when it is replaced, AWS deletes its scaling target and actions with it, so they are replaced with it. */
  readonly service: EcsService;
  /**
   * The service's scaling target, when autoscaling has one.
   * @default - one is created, its range the desired count
   */
  readonly target?: AppautoscalingTarget;
  /** The IANA time zone `start` and `end` are read in. */
  readonly timezone: string;
  /** When the quiet hours start, `cron(...)`. */
  readonly start: string;
  /** When they end, `cron(...)`. */
  readonly end: string;
  /** Tasks during the quiet hours. */
  readonly count: number;
  /** The range the service returns to at the end: autoscaling's, or the desired count for both. */
  readonly minCount: number;
  readonly maxCount: number;
  /**
   * Prefix of the Terraform addresses.
   * @default - none
   */
  readonly addressPrefix?: string;
}

/**
 * Fewer tasks at set times, such as the nights and weekends of an environment nobody uses then:
 * two Application Auto Scaling scheduled actions on the service's scalable target, one pinning the
 * count at the start and one giving the range back at the end. A service without autoscaling gets
 * a target of its own, pinned at its desired count (the ECS service must then leave the count alone).
 */
export class QuietHours extends Construct {
  /** The scalable target the actions change: autoscaling's, or the one created here. */
  public readonly target: AppautoscalingTarget;
  public readonly start: AppautoscalingScheduledAction;
  public readonly end: AppautoscalingScheduledAction;

  constructor(scope: Construct, id: string, props: QuietHoursProps) {
    super(scope, id);
    const pin = addressPinner(props.addressPrefix);
    // A new service (its ID unknown until it exists) brings a new target and new actions.
    const lifecycle = { replaceTriggeredBy: [`${addressOf(props.service)}.id`] };
    // The actions own the target's range from now on: during the quiet hours it differs from the
    // configuration, and an apply then must not give the tasks back. A new range takes effect at the next end.
    const rangeOwnedByActions = ["min_capacity", "max_capacity"];
    if (props.target) {
      this.target = props.target;
      this.target.addOverride("lifecycle.ignore_changes", rangeOwnedByActions);
    } else {
      this.target = new AppautoscalingTarget(this, "target", {
        serviceNamespace: "ecs",
        scalableDimension: "ecs:service:DesiredCount",
        resourceId: `service/${props.clusterName}/${props.service.name}`,
        minCapacity: props.minCount,
        maxCapacity: props.maxCount,
        lifecycle: { ...lifecycle, ignoreChanges: rangeOwnedByActions },
      });
      // Autoscaling's address: the same scalable target in AWS, which turning autoscaling on or off then updates, never deregisters.
      pin(this.target, "main");
    }
    const action = (actionId: "start" | "end", schedule: string, min: number, max: number) => {
      const created = new AppautoscalingScheduledAction(this, actionId, {
        name: `${props.name}-quiet-${actionId}`,
        // The target's own attributes: the action waits for the target, and names the same one.
        serviceNamespace: this.target.serviceNamespace,
        scalableDimension: this.target.scalableDimension,
        resourceId: this.target.resourceId,
        schedule,
        timezone: props.timezone,
        scalableTargetAction: { minCapacity: String(min), maxCapacity: String(max) },
        lifecycle,
      });
      pin(created, `quiet_${actionId}`);
      return created;
    };
    this.start = action("start", props.start, props.count, props.count);
    this.end = action("end", props.end, props.minCount, props.maxCount);
  }
}
