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
   * Leave the cluster's ECS Exec configuration as it is, so that a log group set while Exec was on stays without a plan to remove it; {@link Cluster.logExecSessions} sets one.
   * @default false: not written, and a configuration set before shows as a change in every plan
   */
  readonly unmanagedExecLogging?: boolean;
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
      // The provider cannot take a configuration away (it sends UpdateCluster none, and ECS keeps
      // what it is not told); writing ECS's default instead would leave the tutorial's file, which
      // has none, a change no apply makes.
      lifecycle: props.unmanagedExecLogging ? { ignoreChanges: ["configuration"] } : undefined,
    });
    pinAddress(this.cluster, "main", props.addressPrefix);
  }

  /** Logs every ECS Exec session to this log group: for the first service on the cluster that turns Exec on. */
  logExecSessions(logGroupName: string): void {
    this.cluster.putConfiguration({
      executeCommandConfiguration: { logging: "OVERRIDE", logConfiguration: { cloudWatchLogGroupName: logGroupName } },
    });
    this.cluster.lifecycle = undefined;
  }
}
