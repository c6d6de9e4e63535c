import { EcsCluster } from "@cdktf/provider-aws/lib/ecs-cluster";
import { Construct } from "constructs";
import type { ContainerInsights } from "../settings/settings";
import { pinAddress } from "./address";

/** Properties of {@link Cluster}. */
export interface ClusterProps {
  /** Name of the ECS cluster. */
  readonly name: string;
  /**
   * Container Insights on the cluster.
   * @default - the account's setting (not written)
   */
  readonly containerInsights?: ContainerInsights;
  /**
   * The log group every ECS Exec session is logged to.
   * @default - none: ECS's default (not written)
   */
  readonly execLogGroupName?: string;
  /**
   * Prefix of the Terraform address.
   * @default - none: the tutorial's address
   */
  readonly addressPrefix?: string;
}

/** The ECS cluster the tutorial's service runs in; on Fargate it is a namespace, with its settings. */
export class Cluster extends Construct {
  public readonly cluster: EcsCluster;

  constructor(scope: Construct, id: string, props: ClusterProps) {
    super(scope, id);
    this.cluster = new EcsCluster(this, "cluster", {
      name: props.name,
      setting: props.containerInsights ? [{ name: "containerInsights", value: props.containerInsights }] : undefined,
      configuration: props.execLogGroupName
        ? {
            executeCommandConfiguration: {
              logging: "OVERRIDE",
              logConfiguration: { cloudWatchLogGroupName: props.execLogGroupName },
            },
          }
        : undefined,
    });
    pinAddress(this.cluster, "main", props.addressPrefix);
  }
}
