import { lbDropInvalidHeadersRule } from "../../../src/checks/rules/lb-drop-invalid-headers";
import { describePolicyRule, stackOf } from "./check-policy-rule";

describePolicyRule(lbDropInvalidHeadersRule, {
  passing: {
    "dropping them": stackOf({ aws_lb: { main: { drop_invalid_header_fields: true } } }),
    "a network load balancer": stackOf({ aws_lb: { nlb: { load_balancer_type: "network" } } }),
  },
  failing: {
    "the provider's default": [
      stackOf({ aws_lb: { main: {} } }),
      [{ address: "aws_lb.main", problem: "passes invalid header fields on to its targets" }],
    ],
    "the old resource name": [
      stackOf({ aws_alb: { old: { drop_invalid_header_fields: false } } }),
      [{ address: "aws_alb.old", problem: "passes invalid header fields on to its targets" }],
    ],
  },
});
