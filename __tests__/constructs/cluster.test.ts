import { EcsCluster } from "@cdktf/provider-aws/lib/ecs-cluster";
import { Cluster } from "../../src/constructs/cluster";
import { addresses, resourceAt, synthesizeScope } from "../helpers";

describe("Cluster", () => {
  it("creates the ECS cluster at the tutorial's address", () => {
    // GIVEN / WHEN
    const synth = synthesizeScope((scope) => new Cluster(scope, "cluster", { name: "handson" }));
    // THEN
    expect(synth.json).toHaveResource(EcsCluster);
    expect(synth.json).toHaveResourceWithProperties(EcsCluster, { name: "handson" });
    expect(addresses(synth)).toEqual(["aws_ecs_cluster.main"]);
  });
});

describe("Cluster address prefix", () => {
  it("puts the prefix in front of the address", () => {
    const synth = synthesizeScope((scope) => new Cluster(scope, "cluster", { name: "api", addressPrefix: "api" }));
    expect(addresses(synth)).toEqual(["aws_ecs_cluster.api_main"]);
  });
});

describe("Cluster settings beyond the tutorial", () => {
  it("writes nothing but the name with the tutorial's props", () => {
    const synth = synthesizeScope((scope) => new Cluster(scope, "cluster", { name: "handson" }));
    expect(Object.keys(resourceAt(synth, "aws_ecs_cluster.main")).filter((key) => key !== "//")).toEqual(["name"]);
  });

  it("turns Container Insights on, and logs every ECS Exec session to the given log group", () => {
    const synth = synthesizeScope((scope) => {
      const cluster = new Cluster(scope, "cluster", { name: "web", containerInsights: "enabled", unmanagedExecLogging: true });
      cluster.logExecSessions("/ecs/web/exec");
    });
    expect(resourceAt(synth, "aws_ecs_cluster.main").lifecycle).toBeUndefined();
    expect(resourceAt(synth, "aws_ecs_cluster.main")).toMatchObject({
      setting: [{ name: "containerInsights", value: "enabled" }],
      configuration: {
        execute_command_configuration: { logging: "OVERRIDE", log_configuration: { cloud_watch_log_group_name: "/ecs/web/exec" } },
      },
    });
  });

  it("leaves the Exec configuration unmanaged when asked, so that one set before plans no change", () => {
    const synth = synthesizeScope((scope) => new Cluster(scope, "cluster", { name: "web", unmanagedExecLogging: true }));
    expect(resourceAt(synth, "aws_ecs_cluster.main")).toMatchObject({ lifecycle: { ignore_changes: ["configuration"] } });
    expect(resourceAt(synth, "aws_ecs_cluster.main").configuration).toBeUndefined();
  });
});
