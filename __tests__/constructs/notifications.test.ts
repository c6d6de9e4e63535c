import { Notifications } from "../../src/constructs/notifications";
import { addresses, ref, resourceAt, synthesizeScope } from "../helpers";

describe("Notifications", () => {
  it("is a topic that only this account's alarms and EventBridge may publish to", () => {
    const synth = synthesizeScope((scope) => new Notifications(scope, "notifications", { name: "shop" }));
    expect(addresses(synth)).toEqual(["aws_sns_topic.notifications", "aws_sns_topic_policy.notifications"]);
    expect(resourceAt(synth, "aws_sns_topic.notifications").name).toBe("shop-notifications");
    expect(JSON.parse(resourceAt(synth, "aws_sns_topic_policy.notifications").policy).Statement).toEqual([
      {
        Sid: "AlarmsAndDeploymentEvents",
        Effect: "Allow",
        Principal: { Service: ["cloudwatch.amazonaws.com", "events.amazonaws.com"] },
        Action: "sns:Publish",
        Resource: ref("aws_sns_topic.notifications", "arn"),
        Condition: { StringEquals: { "aws:SourceAccount": [ref("aws_sns_topic.notifications", "owner")] } },
      },
    ]);
  });

  it("subscribes each e-mail address and HTTPS endpoint given", () => {
    const synth = synthesizeScope(
      (scope) =>
        new Notifications(scope, "notifications", {
          name: "shop",
          emails: ["ops@example.com", "dev@example.com"],
          httpsEndpoints: ["https://chat.example.com/hook"],
        }),
    );
    expect(resourceAt(synth, "aws_sns_topic_subscription.notifications_email")).toMatchObject({
      for_each: '${toset(["ops@example.com", "dev@example.com"])}',
      protocol: "email",
      endpoint: "${each.key}",
      topic_arn: ref("aws_sns_topic.notifications", "arn"),
    });
    expect(resourceAt(synth, "aws_sns_topic_subscription.notifications_https")).toMatchObject({
      for_each: '${toset(["https://chat.example.com/hook"])}',
      protocol: "https",
    });
  });
});
