import { EcsClusterCapacityProviders } from "@cdktf/provider-aws/lib/ecs-cluster-capacity-providers";
import { Construct } from "constructs";
import { pinAddress } from "./address";

/** Properties of {@link ClusterCapacityProviders}. */
export interface ClusterCapacityProvidersProps {
  /** Name of the ECS cluster, as a reference. */
  readonly clusterName: string;
  /**
   * Prefix of the Terraform address.
   * @default - none
   */
  readonly addressPrefix?: string;
}

/** Fargate and Fargate Spot made available to a cluster: a service can only use providers its cluster has. */
export class ClusterCapacityProviders extends Construct {
  public readonly capacityProviders: EcsClusterCapacityProviders;

  constructor(scope: Construct, id: string, props: ClusterCapacityProvidersProps) {
    super(scope, id);
    this.capacityProviders = new EcsClusterCapacityProviders(this, "providers", {
      clusterName: props.clusterName,
      capacityProviders: ["FARGATE", "FARGATE_SPOT"],
    });
    pinAddress(this.capacityProviders, "main", props.addressPrefix);
  }
}
