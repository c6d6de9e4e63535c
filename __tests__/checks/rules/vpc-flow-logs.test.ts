import { vpcFlowLogsRule } from "../../../src/checks/rules/vpc-flow-logs";
import { describePolicyRule, stackOf } from "./check-policy-rule";

describePolicyRule(vpcFlowLogsRule, {
  passing: {
    "a flow log": stackOf({ aws_vpc: { main: {} }, aws_flow_log: { main: { vpc_id: "${aws_vpc.main.id}", traffic_type: "ALL" } } }),
  },
  failing: {
    "a flow log of another VPC": [
      stackOf({ aws_vpc: { main: {}, other: {} }, aws_flow_log: { other: { vpc_id: "${aws_vpc.other.id}" } } }),
      [{ address: "aws_vpc.main", problem: "records no flow logs" }],
    ],
  },
});
