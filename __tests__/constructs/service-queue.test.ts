import { Construct } from "constructs";
import { FargatePlatform } from "../../src/constructs/fargate-platform";
import { buildService } from "../../src/constructs/service-parts";
import { ServiceQueue, topicSubscriptionName } from "../../src/constructs/service-queue";
import { prepareSettings } from "../../src/settings/resolve-settings";
import type { FargateWebServiceProps } from "../../src/settings/settings";
import { addresses, ref, resourceAt, synthesizeScope } from "../helpers";

const ORDERS = "arn:aws:sns:ap-northeast-1:123456789012:orders";
const PAYMENTS = "arn:aws:sns:ap-northeast-1:210987654321:payments.fifo";

/** A platform whose first service is the tutorial's web service, and a worker `jobs` beside it. */
function platformWithWorker(worker: FargateWebServiceProps) {
  return synthesizeScope((scope) => {
    const { platform } = new FargatePlatform(scope, "platform", { name: "shop", containerInsights: "enabled" });
    buildService(scope, platform, prepareSettings({ name: "shop" }, "ap-northeast-1").resolved, true);
    const { resolved } = prepareSettings({ name: "shop-jobs", addressPrefix: "jobs", kind: "worker", ...worker }, "ap-northeast-1");
    const parts = buildService(new Construct(scope, "jobs"), platform, resolved, false);
    expect(parts.queue).toBeDefined();
  });
}

describe("ServiceQueue", () => {
  it("makes an encrypted queue whose messages move to an encrypted dead-letter queue, which takes them from that queue only", () => {
    const synth = synthesizeScope((scope) => {
      new ServiceQueue(scope, "queue", {
        name: "shop-jobs",
        visibilityTimeoutSeconds: 60,
        maxReceiveCount: 5,
        retentionDays: 4,
        deadLetterRetentionDays: 14,
      });
    });
    expect(resourceAt(synth, "aws_sqs_queue.queue")).toMatchObject({
      name: "shop-jobs",
      sqs_managed_sse_enabled: true,
      message_retention_seconds: 4 * 86_400,
      visibility_timeout_seconds: 60,
    });
    expect(JSON.parse(resourceAt(synth, "aws_sqs_queue.queue").redrive_policy)).toEqual({
      deadLetterTargetArn: ref("aws_sqs_queue.dead_letter_queue", "arn"),
      maxReceiveCount: 5,
    });
    expect(resourceAt(synth, "aws_sqs_queue.dead_letter_queue")).toEqual({
      name: "shop-jobs-dlq",
      sqs_managed_sse_enabled: true,
      message_retention_seconds: 14 * 86_400,
    });
    const allow = resourceAt(synth, "aws_sqs_queue_redrive_allow_policy.dead_letter_queue");
    expect(allow.queue_url).toBe(ref("aws_sqs_queue.dead_letter_queue", "url"));
    expect(JSON.parse(allow.redrive_allow_policy)).toEqual({
      redrivePermission: "byQueue",
      sourceQueueArns: [ref("aws_sqs_queue.queue", "arn")],
    });
    // Without topics, nobody else may send: no policy, no subscription.
    expect(synth.doc.resource.aws_sqs_queue_policy).toBeUndefined();
    expect(synth.doc.resource.aws_sns_topic_subscription).toBeUndefined();
  });

  it("subscribes to each topic, raw, and lets SNS send on behalf of exactly those topics", () => {
    const synth = synthesizeScope((scope) => {
      new ServiceQueue(scope, "queue", {
        name: "shop-jobs",
        visibilityTimeoutSeconds: 60,
        maxReceiveCount: 5,
        retentionDays: 4,
        deadLetterRetentionDays: 14,
        subscribeTo: [ORDERS, PAYMENTS],
        addressPrefix: "jobs",
      });
    });
    const policy = resourceAt(synth, "aws_sqs_queue_policy.jobs_queue");
    expect(policy.queue_url).toBe(ref("aws_sqs_queue.jobs_queue", "url"));
    expect(JSON.parse(policy.policy)).toEqual({
      Version: "2012-10-17",
      Statement: [
        {
          Sid: "TopicsSendMessages",
          Effect: "Allow",
          Principal: { Service: "sns.amazonaws.com" },
          Action: "sqs:SendMessage",
          Resource: ref("aws_sqs_queue.jobs_queue", "arn"),
          Condition: { ArnEquals: { "aws:SourceArn": [ORDERS, PAYMENTS] } },
        },
      ],
    });
    expect(Object.keys(synth.doc.resource.aws_sns_topic_subscription).sort()).toEqual([
      "jobs_topic_123456789012_orders",
      "jobs_topic_210987654321_payments_fifo",
    ]);
    expect(resourceAt(synth, "aws_sns_topic_subscription.jobs_topic_123456789012_orders")).toMatchObject({
      topic_arn: ORDERS,
      protocol: "sqs",
      endpoint: ref("aws_sqs_queue.jobs_queue", "arn"),
      raw_message_delivery: true,
      depends_on: ["aws_sqs_queue_policy.jobs_queue"],
    });
  });

  it("names each subscription after its topic alone, so that another topic added or removed leaves it in place", () => {
    expect(topicSubscriptionName(ORDERS)).toBe("topic_123456789012_orders");
    expect(topicSubscriptionName(PAYMENTS)).toBe("topic_210987654321_payments_fifo");
  });
});

describe("a worker on a platform", () => {
  const synth = platformWithWorker({
    queue: { subscribeTo: [ORDERS], visibilityTimeoutSeconds: 300, maxReceiveCount: 3, retentionDays: 7 },
    environment: { MODE: "batch" },
    autoscaling: { minCount: 0, maxCount: 8, messagesPerTask: 20, cpuTargetPercent: 70 },
  });

  it("owns its queue, at its own addresses, with its settings", () => {
    expect(resourceAt(synth, "aws_sqs_queue.jobs_queue")).toMatchObject({
      name: "shop-jobs",
      visibility_timeout_seconds: 300,
      message_retention_seconds: 7 * 86_400,
    });
    expect(JSON.parse(resourceAt(synth, "aws_sqs_queue.jobs_queue").redrive_policy).maxReceiveCount).toBe(3);
    expect(resourceAt(synth, "aws_sqs_queue.jobs_dead_letter_queue").name).toBe("shop-jobs-dlq");
    expect(resourceAt(synth, "aws_sns_topic_subscription.jobs_topic_123456789012_orders").topic_arn).toBe(ORDERS);
  });

  it("gives its task role the consumer's actions on its queue only, and its container the queue's URL", () => {
    expect(resourceAt(synth, "aws_iam_role.jobs_task").name).toBe("shop-jobs-ap-northeast-1-task");
    expect(JSON.parse(resourceAt(synth, "aws_iam_role_policy.jobs_task").policy).Statement).toEqual([
      {
        Sid: "ConsumeQueue",
        Effect: "Allow",
        Action: ["sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:ChangeMessageVisibility", "sqs:GetQueueAttributes", "sqs:GetQueueUrl"],
        Resource: ref("aws_sqs_queue.jobs_queue", "arn"),
      },
    ]);
    const taskDefinition = resourceAt(synth, "aws_ecs_task_definition.jobs_main");
    expect(taskDefinition.task_role_arn).toBe(ref("aws_iam_role.jobs_task", "arn"));
    const [container] = JSON.parse(taskDefinition.container_definitions);
    expect(container.environment).toEqual(
      expect.arrayContaining([
        { name: "MODE", value: "batch" },
        { name: "QUEUE_URL", value: ref("aws_sqs_queue.jobs_queue", "url") },
      ]),
    );
  });

  it("scales on the backlog per running task, from zero, keeping its CPU target", () => {
    expect(resourceAt(synth, "aws_appautoscaling_target.jobs_main")).toMatchObject({ min_capacity: 0, max_capacity: 8 });
    const backlog = resourceAt(synth, "aws_appautoscaling_policy.jobs_backlog");
    expect(backlog.name).toBe("shop-jobs-backlog");
    const configuration = backlog.target_tracking_scaling_policy_configuration;
    expect(configuration.target_value).toBe(20);
    expect(configuration.predefined_metric_specification).toBeUndefined();
    const metrics = configuration.customized_metric_specification.metrics;
    expect(metrics).toEqual([
      expect.objectContaining({
        id: "visible",
        return_data: false,
        metric_stat: {
          stat: "Sum",
          metric: {
            namespace: "AWS/SQS",
            metric_name: "ApproximateNumberOfMessagesVisible",
            dimensions: [{ name: "QueueName", value: ref("aws_sqs_queue.jobs_queue", "name") }],
          },
        },
      }),
      expect.objectContaining({
        id: "running",
        return_data: false,
        metric_stat: {
          stat: "Average",
          metric: {
            namespace: "ECS/ContainerInsights",
            metric_name: "RunningTaskCount",
            dimensions: [
              { name: "ClusterName", value: ref("aws_ecs_cluster.main", "name") },
              { name: "ServiceName", value: ref("aws_ecs_service.jobs_main", "name") },
            ],
          },
        },
      }),
      expect.objectContaining({
        id: "backlog_per_task",
        expression: "IF(FILL(running, 0) > 0, visible / FILL(running, 0), IF(visible > 0, 40, 0))",
        return_data: true,
      }),
    ]);
    expect(resourceAt(synth, "aws_appautoscaling_policy.jobs_cpu").target_tracking_scaling_policy_configuration.target_value).toBe(70);
  });

  it("listens on no port: no ingress, no port mapping, no target group nor listener rule of its own", () => {
    const own = addresses(synth).filter((address) => address.split(".")[1].startsWith("jobs_"));
    expect(own.filter((address) => /aws_lb_target_group\.|aws_lb_listener_rule\.|aws_security_group_rule\./.test(address))).toEqual([]);
    const securityGroup = resourceAt(synth, "aws_security_group.jobs_ecs");
    expect(securityGroup.ingress ?? []).toEqual([]);
    const [container] = JSON.parse(resourceAt(synth, "aws_ecs_task_definition.jobs_main").container_definitions);
    expect(container.portMappings ?? []).toEqual([]);
    expect(resourceAt(synth, "aws_ecs_service.jobs_main").load_balancer).toBeUndefined();
  });
});
