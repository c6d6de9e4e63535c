import { logEncryptionRule } from "../../../src/checks/rules/log-encryption";
import { describePolicyRule, stackOf } from "./check-policy-rule";

describePolicyRule(logEncryptionRule, {
  passing: { "a KMS key": stackOf({ aws_cloudwatch_log_group: { main: { kms_key_id: "${aws_kms_key.logs.arn}" } } }) },
  failing: {
    "CloudWatch's keys": [
      stackOf({ aws_cloudwatch_log_group: { main: {} } }),
      [{ address: "aws_cloudwatch_log_group.main", problem: "is encrypted with CloudWatch's keys, not a KMS key of yours" }],
    ],
  },
});
