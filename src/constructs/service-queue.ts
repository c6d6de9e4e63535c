import { SnsTopicSubscription } from "@cdktf/provider-aws/lib/sns-topic-subscription";
import { SqsQueue } from "@cdktf/provider-aws/lib/sqs-queue";
import { SqsQueuePolicy } from "@cdktf/provider-aws/lib/sqs-queue-policy";
import { SqsQueueRedriveAllowPolicy } from "@cdktf/provider-aws/lib/sqs-queue-redrive-allow-policy";
import { Construct } from "constructs";
import { type PolicyStatement, policyDocument } from "../aws/iam-policies";
import { addressPinner } from "./address";

const SECONDS_PER_DAY = 86_400;

/** What a worker may do with the messages of its queue: receive them, delete them when done, hide them longer while at work. */
export const QUEUE_CONSUMER_ACTIONS = [
  "sqs:ReceiveMessage",
  "sqs:DeleteMessage",
  "sqs:ChangeMessageVisibility",
  "sqs:GetQueueAttributes",
  "sqs:GetQueueUrl",
] as const;

/**
 * The Terraform name of the subscription to a topic: its account and name, which tell the topics
 * of one region apart. Derived from the topic alone, so that adding or removing another topic leaves
 * it where it is: SNS gives the same subscription back to a second subscribe of the queue, and one
 * moved to another address would be unsubscribed by the removal of the old one.
 */
export function topicSubscriptionName(topicArn: string): string {
  const [, , , , account, name] = topicArn.split(":");
  return `topic_${account}_${name.replace(/\./g, "_")}`;
}

/** Properties of {@link ServiceQueue}. */
export interface ServiceQueueProps {
  /** Name of the queue; the dead-letter queue is `<name>-dlq`. */
  readonly name: string;
  /** Seconds a received message stays hidden from other receivers. */
  readonly visibilityTimeoutSeconds: number;
  /** Receives of a message before SQS moves it to the dead-letter queue. */
  readonly maxReceiveCount: number;
  /** Days the queue keeps a message. */
  readonly retentionDays: number;
  /** Days the dead-letter queue keeps a message, counted from when it entered the queue. */
  readonly deadLetterRetentionDays: number;
  /**
   * ARNs of SNS topics in the stack's region whose messages the queue receives.
   * @default - none
   */
  readonly subscribeTo?: readonly string[];
  /**
   * Prefix of the Terraform addresses.
   * @default - none
   */
  readonly addressPrefix?: string;
}

/**
 * A worker's queue: SQS, encrypted with SQS-managed keys, whose messages move to a dead-letter
 * queue after `maxReceiveCount` receives, the dead-letter queue taking messages from this queue
 * only. Each topic it subscribes to delivers raw messages, and the queue's policy lets SNS send
 * messages on behalf of exactly those topics.
 */
export class ServiceQueue extends Construct {
  public readonly queue: SqsQueue;
  public readonly deadLetterQueue: SqsQueue;
  /** The subscriptions to the topics, in the order of `subscribeTo`. */
  public readonly subscriptions: SnsTopicSubscription[];
  /** The policy letting the topics send messages, when the queue subscribes to any. */
  public readonly policy?: SqsQueuePolicy;

  constructor(scope: Construct, id: string, props: ServiceQueueProps) {
    super(scope, id);
    const pin = addressPinner(props.addressPrefix);
    this.deadLetterQueue = new SqsQueue(this, "dead-letter-queue", {
      name: `${props.name}-dlq`,
      sqsManagedSseEnabled: true,
      messageRetentionSeconds: props.deadLetterRetentionDays * SECONDS_PER_DAY,
    });
    pin(this.deadLetterQueue, "dead_letter_queue");
    this.queue = new SqsQueue(this, "queue", {
      name: props.name,
      sqsManagedSseEnabled: true,
      messageRetentionSeconds: props.retentionDays * SECONDS_PER_DAY,
      visibilityTimeoutSeconds: props.visibilityTimeoutSeconds,
      redrivePolicy: JSON.stringify({ deadLetterTargetArn: this.deadLetterQueue.arn, maxReceiveCount: props.maxReceiveCount }),
    });
    pin(this.queue, "queue");
    // A resource of its own, as the queue's ARN is needed and the queue names the dead-letter queue first.
    const redriveAllowPolicy = new SqsQueueRedriveAllowPolicy(this, "redrive-allow-policy", {
      queueUrl: this.deadLetterQueue.url,
      redriveAllowPolicy: JSON.stringify({ redrivePermission: "byQueue", sourceQueueArns: [this.queue.arn] }),
    });
    pin(redriveAllowPolicy, "dead_letter_queue");

    const topics = props.subscribeTo ?? [];
    if (topics.length) {
      const topicsSend: PolicyStatement = {
        Sid: "TopicsSendMessages",
        Effect: "Allow",
        Principal: { Service: "sns.amazonaws.com" },
        Action: "sqs:SendMessage",
        Resource: this.queue.arn,
        Condition: { ArnEquals: { "aws:SourceArn": topics } },
      };
      this.policy = new SqsQueuePolicy(this, "policy", { queueUrl: this.queue.url, policy: JSON.stringify(policyDocument([topicsSend])) });
      pin(this.policy, "queue");
    }
    this.subscriptions = topics.map((topicArn) => {
      const name = topicSubscriptionName(topicArn);
      const subscription = new SnsTopicSubscription(this, name, {
        topicArn,
        protocol: "sqs",
        endpoint: this.queue.arn,
        // The message as published, without SNS's JSON envelope: the worker reads the same body whether a topic or a sender queued it.
        rawMessageDelivery: true,
        // Messages the topic delivers before the queue lets it in would be lost.
        dependsOn: this.policy && [this.policy],
      });
      pin(subscription, name);
      return subscription;
    });
  }
}
