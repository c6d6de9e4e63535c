import { Construct } from "constructs";
import { FargatePlatform } from "../../src/constructs/fargate-platform";
import { buildService } from "../../src/constructs/service-parts";
import { prepareSettings } from "../../src/settings/resolve-settings";
import { ref, resourceAt, synthesizeScope } from "../helpers";

const EXISTING_VPC = {
  vpcId: "vpc-0123456789abcdef0",
  publicSubnetIds: ["subnet-0123456789abcdef1", "subnet-0123456789abcdef2"],
  privateSubnetIds: ["subnet-0123456789abcdef3"],
};

describe("buildService", () => {
  it("builds a service's own parts on a platform, its roles allowed the platform's ECS Exec log group", () => {
    const synth = synthesizeScope((scope) => {
      const { platform } = new FargatePlatform(scope, "platform", { name: "shop" });
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
    // The first service with Exec makes the platform's cluster log the sessions.
    expect(resourceAt(synth, "aws_cloudwatch_log_group.exec").name).toBe("/ecs/shop/exec");
    expect(resourceAt(synth, "aws_ecs_cluster.main").configuration.execute_command_configuration.log_configuration).toEqual({
      cloud_watch_log_group_name: ref("aws_cloudwatch_log_group.exec", "name"),
    });
    expect(resourceAt(synth, "aws_ecs_cluster.main").lifecycle).toBeUndefined();
  });

  it("lets a service with Exec on a cluster that exists open sessions, though the stack does not log them", () => {
    const synth = synthesizeScope((scope) => {
      const { platform } = new FargatePlatform(scope, "platform", {
        name: "shop",
        existing: { vpc: EXISTING_VPC, clusterName: "platform" },
      });
      buildService(scope, platform, prepareSettings({ name: "shop", enableExecuteCommand: true }, "ap-northeast-1").resolved, true);
    });
    const statements = JSON.parse(resourceAt(synth, "aws_iam_role_policy.task").policy).Statement;
    expect(statements).toEqual([expect.objectContaining({ Sid: "ExecSessions", Resource: "*" })]);
    expect(statements[0].Action).toContain("ssmmessages:OpenDataChannel");
    expect(synth.doc.resource.aws_cloudwatch_log_group).toBeUndefined();
  });

  it("turns Exec on per service: the other services of the platform stay without it", () => {
    const synth = synthesizeScope((scope) => {
      const { platform } = new FargatePlatform(scope, "platform", { name: "shop" });
      buildService(scope, platform, prepareSettings({ name: "shop", readonlyRootFilesystem: true }, "ap-northeast-1").resolved, true);
      const { resolved } = prepareSettings({ name: "shop-api", addressPrefix: "api", enableExecuteCommand: true }, "ap-northeast-1");
      buildService(new Construct(scope, "api"), platform, resolved, false);
    });
    expect(resourceAt(synth, "aws_ecs_service.main").enable_execute_command).toBeUndefined();
    expect(resourceAt(synth, "aws_ecs_service.api_main").enable_execute_command).toBe(true);
    expect(resourceAt(synth, "aws_ecs_cluster.main").configuration).toBeDefined();
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
