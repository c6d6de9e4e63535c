import { CloudwatchEventRule } from "@cdktf/provider-aws/lib/cloudwatch-event-rule";
import { CloudwatchEventTarget } from "@cdktf/provider-aws/lib/cloudwatch-event-target";
import { Construct } from "constructs";
import { addressPinner } from "./address";

/** Properties of {@link DeploymentNotifications}. */
export interface DeploymentNotificationsProps {
  /** Name of the service: the rule is `<name>-deployment-failed`. */
  readonly name: string;
  /** ARN of the ECS service whose deployments are watched. */
  readonly serviceArn: string;
  /** The SNS topic told of a failed deployment. */
  readonly topicArn: string;
  /**
   * Prefix of the Terraform addresses.
   * @default - none
   */
  readonly addressPrefix?: string;
}

/**
 * Tells the environment's topic when a deployment of the service fails — its circuit breaker or
 * one of its alarms rolled it back — in one line a person reads: an EventBridge rule on ECS's
 * deployment state changes for this service, and its target.
 */
export class DeploymentNotifications extends Construct {
  public readonly rule: CloudwatchEventRule;

  constructor(scope: Construct, id: string, props: DeploymentNotificationsProps) {
    super(scope, id);
    const pin = addressPinner(props.addressPrefix);
    this.rule = new CloudwatchEventRule(this, "rule", {
      name: `${props.name}-deployment-failed`,
      description: `Deployments of ${props.name} that failed or were rolled back`,
      eventPattern: JSON.stringify({
        source: ["aws.ecs"],
        "detail-type": ["ECS Deployment State Change"],
        resources: [props.serviceArn],
        detail: { eventName: ["SERVICE_DEPLOYMENT_FAILED"] },
      }),
    });
    pin(this.rule, "deployment_failed");
    const target = new CloudwatchEventTarget(this, "target", {
      rule: this.rule.name,
      arn: props.topicArn,
      inputTransformer: {
        inputPaths: { deployment: "$.detail.deploymentId", reason: "$.detail.reason", time: "$.time" },
        inputTemplate: `"${props.name}: deployment <deployment> failed at <time>: <reason>"`,
      },
    });
    pin(target, "deployment_failed");
  }
}
