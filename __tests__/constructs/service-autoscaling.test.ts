import { AppautoscalingTarget } from "@cdktf/provider-aws/lib/appautoscaling-target";
import { EcsService } from "@cdktf/provider-aws/lib/ecs-service";
import type { Construct } from "constructs";
import { pinAddress } from "../../src/constructs/address";
import { ServiceAutoscaling, type ServiceAutoscalingProps } from "../../src/constructs/service-autoscaling";
import { addresses, resourceAt, synthesizeScope } from "../helpers";

/** Autoscaling of an ECS service `web` (at aws_ecs_service.main) with these props. */
function scaling(scope: Construct, props: Partial<ServiceAutoscalingProps>): ServiceAutoscaling {
  const service = new EcsService(scope, "service", { name: "web" });
  pinAddress(service, "main");
  return new ServiceAutoscaling(scope, "scaling", {
    name: "web",
    clusterName: "web",
    serviceName: "web",
    service,
    minCount: 2,
    maxCount: 6,
    scaleInCooldownSeconds: 300,
    scaleOutCooldownSeconds: 60,
    ...props,
  });
}

describe("ServiceAutoscaling", () => {
  const synth = synthesizeScope((scope) =>
    scaling(scope, {
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
      "aws_ecs_service.main",
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
    const cpuOnly = synthesizeScope((scope) => scaling(scope, { cpuTargetPercent: 50 }));
    expect(addresses(cpuOnly)).toEqual(["aws_appautoscaling_policy.cpu", "aws_appautoscaling_target.main", "aws_ecs_service.main"]);
  });

  // Only AWS shows it: deleting a service deletes its scaling target and policies (provider issues
  // #14254, #10432), which Terraform would otherwise keep in its state and never create again.
  it("replaces the target and its policies with the service (in what is synthesized; AWS deletes them with it)", () => {
    for (const address of ["aws_appautoscaling_target.main", "aws_appautoscaling_policy.cpu", "aws_appautoscaling_policy.memory"]) {
      expect(resourceAt(synth, address).lifecycle).toEqual({ replace_triggered_by: ["aws_ecs_service.main.id"] });
    }
  });
});
