import { EcsCluster } from "@cdktf/provider-aws/lib/ecs-cluster";
import { Cluster } from "../../src/constructs/cluster";
import { addresses, synthesizeScope } from "../helpers";

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
