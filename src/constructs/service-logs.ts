import { CloudwatchLogGroup } from "@cdktf/provider-aws/lib/cloudwatch-log-group";
import { Construct } from "constructs";
import type { LogRetentionDays } from "../settings/settings";
import { addressPinner } from "./address";

/** Properties of {@link ServiceLogs}. */
export interface ServiceLogsProps {
  /** Name of the service: its logs go to `/ecs/<name>`. */
  readonly name: string;
  /** Days CloudWatch keeps the logs; 0 keeps them forever. */
  readonly retentionDays: LogRetentionDays;
  /**
   * Create the log group of the containers' output, `/ecs/<name>`.
   * @default false
   */
  readonly containerLogs?: boolean;
  /**
   * Create the log group of ECS Exec sessions, `/ecs/<name>/exec`.
   * @default false
   */
  readonly execSessions?: boolean;
  /**
   * Prefix of the Terraform addresses.
   * @default - none
   */
  readonly addressPrefix?: string;
}

/** The CloudWatch log groups of a service: its containers' output, and its ECS Exec sessions. */
export class ServiceLogs extends Construct {
  public readonly logGroup?: CloudwatchLogGroup;
  public readonly execLogGroup?: CloudwatchLogGroup;

  constructor(scope: Construct, id: string, props: ServiceLogsProps) {
    super(scope, id);
    const pin = addressPinner(props.addressPrefix);
    if (props.containerLogs) {
      this.logGroup = new CloudwatchLogGroup(this, "main", { name: `/ecs/${props.name}`, retentionInDays: props.retentionDays });
      pin(this.logGroup, "main");
    }
    if (props.execSessions) {
      this.execLogGroup = new CloudwatchLogGroup(this, "exec", {
        name: `/ecs/${props.name}/exec`,
        retentionInDays: props.retentionDays,
      });
      pin(this.execLogGroup, "exec");
    }
  }
}
