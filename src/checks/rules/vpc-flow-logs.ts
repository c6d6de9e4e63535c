import type { PolicyRule } from "../policy-rule";

export const vpcFlowLogsRule: PolicyRule = {
  id: "VPC-FLOW-LOGS",
  severity: "warning",
  risk: "Without flow logs, which addresses talked to the tasks, and where the tasks connected to, cannot be told after an incident.",
  fix: 'Set "flowLogs": true: the VPC\'s flows go to a log group of their own, kept as long as the logs (CloudWatch bills them by volume).',
  equivalents: {
    checkov: ["CKV2_AWS_11"],
    trivy: ["AVD-AWS-0178 aws-ec2-require-vpc-flow-logs-for-all-vpcs"],
    cdkNag: ["AwsSolutions-VPC7"],
  },
  check(stack) {
    return stack
      .ofType("aws_vpc")
      .filter((vpc) => !stack.referringTo(vpc.address, "aws_flow_log").length)
      .map((vpc) => ({ address: vpc.address, problem: "records no flow logs" }));
  },
};
