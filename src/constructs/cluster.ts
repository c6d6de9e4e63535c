import { EcsCluster } from "@cdktf/provider-aws/lib/ecs-cluster";
import { Construct } from "constructs";
import { pinAddress } from "./address";

/** Properties of {@link Cluster}. */
export interface ClusterProps {
  /** Name of the ECS cluster. */
  readonly name: string;
  /**
   * Prefix of the Terraform address.
   * @default - none: the tutorial's address
   */
  readonly addressPrefix?: string;
}

/** The ECS cluster the tutorial's service runs in; on Fargate it is only a namespace. */
export class Cluster extends Construct {
  public readonly cluster: EcsCluster;

  constructor(scope: Construct, id: string, props: ClusterProps) {
    super(scope, id);
    this.cluster = new EcsCluster(this, "cluster", { name: props.name });
    pinAddress(this.cluster, "main", props.addressPrefix);
  }
}
