import { logRetentionRule } from "../../../src/checks/rules/log-retention";
import { describePolicyRule, stackOf } from "./check-policy-rule";

describePolicyRule(logRetentionRule, {
  passing: { "30 days": stackOf({ aws_cloudwatch_log_group: { main: { retention_in_days: 30 } } }) },
  failing: {
    "not set": [
      stackOf({ aws_cloudwatch_log_group: { main: {} } }),
      [{ address: "aws_cloudwatch_log_group.main", problem: "keeps its logs forever" }],
    ],
    "0, forever": [
      stackOf({ aws_cloudwatch_log_group: { main: { retention_in_days: 0 } } }),
      [{ address: "aws_cloudwatch_log_group.main", problem: "keeps its logs forever" }],
    ],
  },
});
