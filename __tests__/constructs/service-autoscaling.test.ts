import { AppautoscalingTarget } from "@cdktf/provider-aws/lib/appautoscaling-target";
import { ServiceAutoscaling } from "../../src/constructs/service-autoscaling";
import { addresses, resourceAt, synthesizeScope } from "../helpers";

const PROPS = {
  name: "web",
  clusterName: "web",
  serviceName: "web",
  minCount: 2,
  maxCount: 6,
  scaleInCooldownSeconds: 300,
  scaleOutCooldownSeconds: 60,
};

describe("ServiceAutoscaling", () => {
  const synth = synthesizeScope(
    (scope) =>
      new ServiceAutoscaling(scope, "scaling", {
        ...PROPS,
        cpuTargetPercent: 60,
        memoryTargetPercent: 70,
        requests: { perTarget: 500, loadBalancerArnSuffix: "app/web/1", targetGroupArnSuffix: "targetgroup/web/2" },
      }),
  );

  it("scales the service's desired count between its bounds", () => {
    expect(synth.json).toHaveResourceWithProperties(AppautoscalingTarget, {
      service_namespace: "ecs",
      scalable_dimension: "ecs:service:DesiredCount",
      resource_id: "service/web/web",
      min_capacity: 2,
      max_capacity: 6,
    });
  });

  it("tracks each target with a policy of its own, named after the service", () => {
    expect(addresses(synth)).toEqual([
      "aws_appautoscaling_policy.cpu",
      "aws_appautoscaling_policy.memory",
      "aws_appautoscaling_policy.requests",
      "aws_appautoscaling_target.main",
    ]);
    expect(resourceAt(synth, "aws_appautoscaling_policy.requests")).toMatchObject({
      name: "web-requests",
      policy_type: "TargetTrackingScaling",
      target_tracking_scaling_policy_configuration: {
        target_value: 500,
        scale_in_cooldown: 300,
        scale_out_cooldown: 60,
        predefined_metric_specification: {
          predefined_metric_type: "ALBRequestCountPerTarget",
          resource_label: "app/web/1/targetgroup/web/2",
        },
      },
    });
    expect(
      resourceAt(synth, "aws_appautoscaling_policy.cpu").target_tracking_scaling_policy_configuration.predefined_metric_specification,
    ).toEqual({
      predefined_metric_type: "ECSServiceAverageCPUUtilization",
    });
  });

  it("creates only the policies of the targets given", () => {
    const cpuOnly = synthesizeScope((scope) => new ServiceAutoscaling(scope, "scaling", { ...PROPS, cpuTargetPercent: 50 }));
    expect(addresses(cpuOnly)).toEqual(["aws_appautoscaling_policy.cpu", "aws_appautoscaling_target.main"]);
  });
});
