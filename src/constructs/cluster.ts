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
   * Where ECS Exec sessions are logged: a log group; or "unmanaged", whatever the cluster has, so that a log group set while Exec was on stays without a plan to remove it.
   * @default - not written: a configuration set before shows as a change in every plan
   */
  readonly execLogging?: { readonly logGroupName: string } | "unmanaged";
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
    const { execLogging } = props;
    this.cluster = new EcsCluster(this, "cluster", {
      name: props.name,
      setting: props.containerInsights ? [{ name: "containerInsights", value: props.containerInsights }] : undefined,
      configuration:
        execLogging && execLogging !== "unmanaged"
          ? { executeCommandConfiguration: { logging: "OVERRIDE", logConfiguration: { cloudWatchLogGroupName: execLogging.logGroupName } } }
          : undefined,
      // The provider cannot take a configuration away (it sends UpdateCluster none, and ECS keeps
      // what it is not told); writing ECS's default instead would leave the tutorial's file, which
      // has none, a change no apply makes.
      lifecycle: execLogging === "unmanaged" ? { ignoreChanges: ["configuration"] } : undefined,
    });
    pinAddress(this.cluster, "main", props.addressPrefix);
  }
}
