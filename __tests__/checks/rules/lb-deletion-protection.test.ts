import { lbDeletionProtectionRule } from "../../../src/checks/rules/lb-deletion-protection";
import { describePolicyRule, stackOf } from "./check-policy-rule";

describePolicyRule(lbDeletionProtectionRule, {
  passing: { protected: stackOf({ aws_lb: { main: { enable_deletion_protection: true } } }) },
  failing: {
    "the provider's default": [
      stackOf({ aws_lb: { main: {} } }),
      [{ address: "aws_lb.main", problem: "can be deleted: deletion protection is off" }],
    ],
  },
});
