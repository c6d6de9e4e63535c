import { FlowLogs } from "../../src/constructs/flow-logs";
import { addresses, ref, resourceAt, synthesizeScope } from "../helpers";

const synthesizeFlowLogs = () =>
  synthesizeScope(
    (scope) =>
      new FlowLogs(scope, "flow-logs", {
        name: "shop",
        vpcId: "vpc-0123456789abcdef0",
        roleName: "shop-ap-northeast-1-flow-logs",
        retentionDays: 30,
      }),
  );

describe("FlowLogs", () => {
  it("records every packet decision of the VPC in a log group of its own, kept as long as the service's logs", () => {
    const synth = synthesizeFlowLogs();
    expect(addresses(synth)).toEqual([
      "aws_cloudwatch_log_group.flow_logs",
      "aws_flow_log.main",
      "aws_iam_role.flow_logs",
      "aws_iam_role_policy.flow_logs",
    ]);
    expect(resourceAt(synth, "aws_cloudwatch_log_group.flow_logs")).toMatchObject({ name: "/vpc/shop/flow-logs", retention_in_days: 30 });
    expect(resourceAt(synth, "aws_flow_log.main")).toMatchObject({
      vpc_id: "vpc-0123456789abcdef0",
      traffic_type: "ALL",
      log_destination_type: "cloud-watch-logs",
      log_destination: ref("aws_cloudwatch_log_group.flow_logs", "arn"),
      iam_role_arn: ref("aws_iam_role.flow_logs", "arn"),
    });
  });

  it("gives its role AWS's documented minimum: DescribeLogGroups on every group, streams and events on its own group only", () => {
    const { Statement } = JSON.parse(resourceAt(synthesizeFlowLogs(), "aws_iam_role_policy.flow_logs").policy);
    expect(Statement).toEqual([
      { Sid: "FlowLogsLogGroups", Effect: "Allow", Action: "logs:DescribeLogGroups", Resource: "*" },
      {
        Sid: "FlowLogs",
        Effect: "Allow",
        Action: ["logs:CreateLogStream", "logs:DescribeLogStreams", "logs:PutLogEvents"],
        Resource: `${ref("aws_cloudwatch_log_group.flow_logs", "arn")}:*`,
      },
    ]);
  });
});
