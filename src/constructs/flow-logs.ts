import { CloudwatchLogGroup } from "@cdktf/provider-aws/lib/cloudwatch-log-group";
import { FlowLog } from "@cdktf/provider-aws/lib/flow-log";
import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { IamRolePolicy } from "@cdktf/provider-aws/lib/iam-role-policy";
import { Construct } from "constructs";
import { policyDocument } from "../aws/iam-policies";
import type { LogRetentionDays } from "../settings/settings";
import { addressPinner } from "./address";

/** Properties of {@link FlowLogs}. */
export interface FlowLogsProps {
  /** Name of the VPC: its flow logs go to `/vpc/<name>/flow-logs`. */
  readonly name: string;
  /** The VPC whose traffic is recorded. */
  readonly vpcId: string;
  /** Name of the role VPC Flow Logs writes as. IAM names are unique in the whole account: give the region in it. */
  readonly roleName: string;
  /** Days CloudWatch keeps the records; 0 keeps them forever. */
  readonly retentionDays: LogRetentionDays;
  /**
   * Prefix of the Terraform addresses.
   * @default - none
   */
  readonly addressPrefix?: string;
}

/** The VPC's flow logs, accepted and rejected, in a log group of their own, written by a role allowed that group only. */
export class FlowLogs extends Construct {
  public readonly logGroup: CloudwatchLogGroup;
  public readonly role: IamRole;
  public readonly flowLog: FlowLog;

  constructor(scope: Construct, id: string, props: FlowLogsProps) {
    super(scope, id);
    const pin = addressPinner(props.addressPrefix);
    this.logGroup = new CloudwatchLogGroup(this, "log-group", {
      name: `/vpc/${props.name}/flow-logs`,
      retentionInDays: props.retentionDays,
    });
    pin(this.logGroup, "flow_logs");
    this.role = new IamRole(this, "role", {
      name: props.roleName,
      assumeRolePolicy: JSON.stringify(
        policyDocument([{ Effect: "Allow", Principal: { Service: "vpc-flow-logs.amazonaws.com" }, Action: "sts:AssumeRole" }]),
      ),
    });
    pin(this.role, "flow_logs");
    const policy = new IamRolePolicy(this, "policy", {
      name: "flow-logs",
      role: this.role.id,
      policy: JSON.stringify(
        policyDocument([
          // AWS's documented minimum: without it, delivery can end in "Access error" and record nothing.
          { Sid: "FlowLogsLogGroups", Effect: "Allow", Action: "logs:DescribeLogGroups", Resource: "*" },
          {
            Sid: "FlowLogs",
            Effect: "Allow",
            Action: ["logs:CreateLogStream", "logs:DescribeLogStreams", "logs:PutLogEvents"],
            Resource: `${this.logGroup.arn}:*`,
          },
        ]),
      ),
    });
    pin(policy, "flow_logs");
    this.flowLog = new FlowLog(this, "flow-log", {
      vpcId: props.vpcId,
      trafficType: "ALL",
      logDestinationType: "cloud-watch-logs",
      logDestination: this.logGroup.arn,
      iamRoleArn: this.role.arn,
      tags: { Name: props.name },
    });
    pin(this.flowLog, "main");
  }
}
