import { DeploymentNotifications } from "../../src/constructs/deployment-notifications";
import { addresses, ref, resourceAt, synthesizeScope } from "../helpers";

describe("DeploymentNotifications", () => {
  const synth = synthesizeScope(
    (scope) =>
      new DeploymentNotifications(scope, "deployments", {
        name: "shop-api",
        serviceArn: "arn:aws:ecs:ap-northeast-1:123456789012:service/shop/shop-api",
        topicArn: "arn:aws:sns:ap-northeast-1:123456789012:shop-notifications",
        addressPrefix: "api",
      }),
  );

  it("catches ECS's failed deployments of this service only", () => {
    expect(addresses(synth)).toEqual([
      "aws_cloudwatch_event_rule.api_deployment_failed",
      "aws_cloudwatch_event_target.api_deployment_failed",
    ]);
    const rule = resourceAt(synth, "aws_cloudwatch_event_rule.api_deployment_failed");
    expect(rule.name).toBe("shop-api-deployment-failed");
    expect(JSON.parse(rule.event_pattern)).toEqual({
      source: ["aws.ecs"],
      "detail-type": ["ECS Deployment State Change"],
      resources: ["arn:aws:ecs:ap-northeast-1:123456789012:service/shop/shop-api"],
      detail: { eventName: ["SERVICE_DEPLOYMENT_FAILED"] },
    });
  });

  it("tells the topic in one line a person reads", () => {
    expect(resourceAt(synth, "aws_cloudwatch_event_target.api_deployment_failed")).toMatchObject({
      rule: ref("aws_cloudwatch_event_rule.api_deployment_failed", "name"),
      arn: "arn:aws:sns:ap-northeast-1:123456789012:shop-notifications",
      input_transformer: {
        input_paths: { deployment: "$.detail.deploymentId", reason: "$.detail.reason", time: "$.time" },
        input_template: '"shop-api: deployment <deployment> failed at <time>: <reason>"',
      },
    });
  });
});
