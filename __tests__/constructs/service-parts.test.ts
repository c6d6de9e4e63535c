import { FargatePlatform } from "../../src/constructs/fargate-platform";
import { buildService } from "../../src/constructs/service-parts";
import { prepareSettings } from "../../src/settings/resolve-settings";
import { ref, resourceAt, synthesizeScope } from "../helpers";

describe("buildService", () => {
  it("builds a service's own parts on a platform, its roles allowed the platform's ECS Exec log group", () => {
    const synth = synthesizeScope((scope) => {
      const { platform } = new FargatePlatform(scope, "platform", { name: "shop", enableExecuteCommand: true });
      const { resolved } = prepareSettings(
        { name: "shop-api", addressPrefix: "api", enableExecuteCommand: true, logs: { enabled: true } },
        "ap-northeast-1",
      );
      const parts = buildService(scope, platform, resolved, false);
      expect(parts.logs?.logGroup).toBeDefined();
      expect(parts.roles?.taskRole).toBeDefined();
    });
    expect(resourceAt(synth, "aws_cloudwatch_log_group.api_main").name).toBe("/ecs/shop-api");
    expect(resourceAt(synth, "aws_iam_role_policy.api_task").policy).toContain(`${ref("aws_cloudwatch_log_group.exec", "arn")}:*`);
    expect(resourceAt(synth, "aws_ecs_service.api_main")).toMatchObject({ name: "shop-api", enable_execute_command: true });
  });

  it("splits the tasks beyond the on-demand base between Fargate and Fargate Spot by weights in lowest terms", () => {
    const synth = synthesizeScope((scope) => {
      const { platform } = new FargatePlatform(scope, "platform");
      buildService(scope, platform, prepareSettings({ capacity: { spotPercent: 75, onDemandBase: 2 } }, "ap-northeast-1").resolved, true);
    });
    expect(resourceAt(synth, "aws_ecs_service.main").capacity_provider_strategy).toEqual([
      { base: 2, capacity_provider: "FARGATE", weight: 1 },
      { capacity_provider: "FARGATE_SPOT", weight: 3 },
    ]);
  });
});
