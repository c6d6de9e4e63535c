import { FargateWebService } from "../../src/constructs/fargate-web-service";
import type { FargateWebServiceProps } from "../../src/settings/settings";
import { addresses, ref, resourceAt, synthesizeScope } from "../helpers";

const NIGHTS = { timezone: "Asia/Tokyo", start: "cron(0 20 ? * MON-FRI *)", end: "cron(0 8 ? * MON-FRI *)" };

const synthesizeWith = (props: FargateWebServiceProps) => synthesizeScope((scope) => new FargateWebService(scope, "service", props));

describe("QuietHours", () => {
  it("without autoscaling, gives the service a scaling target at its desired count, pins it at `count` at the start and back at the end", () => {
    const synth = synthesizeWith({ desiredCount: 2, quietHours: NIGHTS });
    const resourceId = `service/${ref("aws_ecs_cluster.main", "name")}/${ref("aws_ecs_service.main", "name")}`;
    expect(resourceAt(synth, "aws_appautoscaling_target.main")).toMatchObject({
      service_namespace: "ecs",
      scalable_dimension: "ecs:service:DesiredCount",
      resource_id: resourceId,
      min_capacity: 2,
      max_capacity: 2,
      lifecycle: { ignore_changes: ["min_capacity", "max_capacity"], replace_triggered_by: ["aws_ecs_service.main.id"] },
    });
    const target = "aws_appautoscaling_target.main";
    expect(resourceAt(synth, "aws_appautoscaling_scheduled_action.quiet_start")).toMatchObject({
      name: "handson-quiet-start",
      service_namespace: ref(target, "service_namespace"),
      scalable_dimension: ref(target, "scalable_dimension"),
      resource_id: ref(target, "resource_id"),
      schedule: "cron(0 20 ? * MON-FRI *)",
      timezone: "Asia/Tokyo",
      scalable_target_action: { min_capacity: "0", max_capacity: "0" },
    });
    expect(resourceAt(synth, "aws_appautoscaling_scheduled_action.quiet_end")).toMatchObject({
      name: "handson-quiet-end",
      resource_id: ref(target, "resource_id"),
      schedule: "cron(0 8 ? * MON-FRI *)",
      timezone: "Asia/Tokyo",
      scalable_target_action: { min_capacity: "2", max_capacity: "2" },
    });
    // The scheduled actions change the running count: a later apply must not reset it.
    expect(resourceAt(synth, "aws_ecs_service.main").lifecycle).toEqual({ ignore_changes: ["desired_count"] });
  });

  it("with autoscaling, uses its target, keeps `count` tasks during the hours and gives its range back at the end", () => {
    const synth = synthesizeWith({
      autoscaling: { minCount: 2, maxCount: 6, cpuTargetPercent: 60 },
      quietHours: { ...NIGHTS, count: 1 },
    });
    expect(addresses(synth).filter((address) => address.startsWith("aws_appautoscaling_target."))).toEqual([
      "aws_appautoscaling_target.main",
    ]);
    expect(resourceAt(synth, "aws_appautoscaling_target.main").lifecycle).toEqual({
      ignore_changes: ["min_capacity", "max_capacity"],
      replace_triggered_by: ["aws_ecs_service.main.id"],
    });
    expect(resourceAt(synth, "aws_appautoscaling_scheduled_action.quiet_start")).toMatchObject({
      resource_id: ref("aws_appautoscaling_target.main", "resource_id"),
      scalable_target_action: { min_capacity: "1", max_capacity: "1" },
    });
    expect(resourceAt(synth, "aws_appautoscaling_scheduled_action.quiet_end").scalable_target_action).toEqual({
      min_capacity: "2",
      max_capacity: "6",
    });
  });

  it("is not there without quietHours", () => {
    const synth = synthesizeWith({ autoscaling: { minCount: 1, maxCount: 3, cpuTargetPercent: 60 } });
    expect(addresses(synth).filter((address) => address.startsWith("aws_appautoscaling_scheduled_action."))).toEqual([]);
    expect(resourceAt(synth, "aws_appautoscaling_target.main").lifecycle).toEqual({ replace_triggered_by: ["aws_ecs_service.main.id"] });
  });
});
