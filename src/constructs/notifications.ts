import { SnsTopic } from "@cdktf/provider-aws/lib/sns-topic";
import { SnsTopicPolicy } from "@cdktf/provider-aws/lib/sns-topic-policy";
import { SnsTopicSubscription } from "@cdktf/provider-aws/lib/sns-topic-subscription";
import { TerraformIterator } from "cdktf";
import { Construct } from "constructs";
import { policyDocument } from "../aws/iam-policies";
import { addressPinner } from "./address";

/** Properties of {@link Notifications}. */
export interface NotificationsProps {
  /** Name of the environment: the topic is `<name>-notifications`. */
  readonly name: string;
  /**
   * E-mail addresses subscribed; each confirms by mail.
   * @default []
   */
  readonly emails?: readonly string[];
  /**
   * HTTPS endpoints subscribed; each confirms through the SubscribeURL SNS posts.
   * @default []
   */
  readonly httpsEndpoints?: readonly string[];
  /**
   * Prefix of the Terraform addresses.
   * @default - none
   */
  readonly addressPrefix?: string;
}

/**
 * Who hears of an environment's failed deployments and alarms: an SNS topic that CloudWatch alarms
 * and EventBridge may publish to (from this account only), and its subscribers. Unencrypted: SNS's
 * own key cannot be used by alarms or EventBridge, and the messages carry names and states, no data.
 */
export class Notifications extends Construct {
  public readonly topic: SnsTopic;

  constructor(scope: Construct, id: string, props: NotificationsProps) {
    super(scope, id);
    const pin = addressPinner(props.addressPrefix);
    this.topic = new SnsTopic(this, "topic", { name: `${props.name}-notifications` });
    pin(this.topic, "notifications");
    const policy = new SnsTopicPolicy(this, "policy", {
      arn: this.topic.arn,
      policy: JSON.stringify(
        policyDocument([
          {
            Sid: "AlarmsAndDeploymentEvents",
            Effect: "Allow",
            Principal: { Service: ["cloudwatch.amazonaws.com", "events.amazonaws.com"] },
            Action: "sns:Publish",
            Resource: this.topic.arn,
            Condition: { StringEquals: { "aws:SourceAccount": [this.topic.owner] } },
          },
        ]),
      ),
    });
    pin(policy, "notifications");
    const subscribe = (subscriptionId: string, protocol: "email" | "https", endpoints: readonly string[]) => {
      if (!endpoints.length) return;
      const each = TerraformIterator.fromList([...endpoints]);
      const subscription = new SnsTopicSubscription(this, subscriptionId, {
        forEach: each,
        topicArn: this.topic.arn,
        protocol,
        endpoint: each.key,
      });
      pin(subscription, `notifications_${protocol}`);
    };
    subscribe("email", "email", props.emails ?? []);
    subscribe("https", "https", props.httpsEndpoints ?? []);
  }
}
