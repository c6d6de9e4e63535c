import { ClusterCapacityProviders } from "../../src/constructs/cluster-capacity-providers";
import { addresses, resourceAt, synthesizeScope } from "../helpers";

describe("ClusterCapacityProviders", () => {
  it("makes Fargate and Fargate Spot available to the cluster", () => {
    const synth = synthesizeScope((scope) => new ClusterCapacityProviders(scope, "providers", { clusterName: "web" }));
    expect(addresses(synth)).toEqual(["aws_ecs_cluster_capacity_providers.main"]);
    expect(resourceAt(synth, "aws_ecs_cluster_capacity_providers.main")).toMatchObject({
      cluster_name: "web",
      capacity_providers: ["FARGATE", "FARGATE_SPOT"],
    });
  });
});
