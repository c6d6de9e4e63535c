import { ServiceAlarms } from "../../src/constructs/service-alarms";
import { addresses, resourceAt, synthesizeScope } from "../helpers";

describe("ServiceAlarms", () => {
  const synth = synthesizeScope(
    (scope) =>
      new ServiceAlarms(scope, "alarms", {
        name: "web",
        loadBalancerArnSuffix: "app/web/1",
        targetGroupArnSuffix: "targetgroup/web/2",
        targetErrorsPerMinute: 10,
        responseTimeSeconds: 2,
        unhealthyTargets: 1,
        evaluationMinutes: 3,
        topicArn: "arn:aws:sns:ap-northeast-1:123456789012:web-notifications",
      }),
  );

  it("watches the tasks' 5xx answers, unhealthy targets and p95 response time, per minute, over the minutes given", () => {
    expect(addresses(synth)).toEqual([
      "aws_cloudwatch_metric_alarm.response_time",
      "aws_cloudwatch_metric_alarm.target_5xx",
      "aws_cloudwatch_metric_alarm.unhealthy_targets",
    ]);
    const common = {
      namespace: "AWS/ApplicationELB",
      dimensions: { LoadBalancer: "app/web/1", TargetGroup: "targetgroup/web/2" },
      period: 60,
      evaluation_periods: 3,
      comparison_operator: "GreaterThanOrEqualToThreshold",
      treat_missing_data: "notBreaching",
    };
    expect(resourceAt(synth, "aws_cloudwatch_metric_alarm.target_5xx")).toMatchObject({
      ...common,
      alarm_name: "web-target-5xx",
      metric_name: "HTTPCode_Target_5XX_Count",
      statistic: "Sum",
      threshold: 10,
    });
    expect(resourceAt(synth, "aws_cloudwatch_metric_alarm.unhealthy_targets")).toMatchObject({
      ...common,
      metric_name: "UnHealthyHostCount",
      statistic: "Maximum",
      threshold: 1,
    });
    expect(resourceAt(synth, "aws_cloudwatch_metric_alarm.response_time")).toMatchObject({
      ...common,
      metric_name: "TargetResponseTime",
      extended_statistic: "p95",
      threshold: 2,
    });
  });

  it("tells the topic when an alarm goes off and when it clears", () => {
    for (const address of addresses(synth)) {
      expect(resourceAt(synth, address)).toMatchObject({
        alarm_actions: ["arn:aws:sns:ap-northeast-1:123456789012:web-notifications"],
        ok_actions: ["arn:aws:sns:ap-northeast-1:123456789012:web-notifications"],
      });
    }
  });
});
