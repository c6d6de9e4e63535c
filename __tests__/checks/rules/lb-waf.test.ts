import { lbWafRule } from "../../../src/checks/rules/lb-waf";
import { describePolicyRule, stackOf } from "./check-policy-rule";

describePolicyRule(lbWafRule, {
  passing: {
    "a web ACL associated": stackOf({
      aws_lb: { main: {} },
      aws_wafv2_web_acl_association: { main: { resource_arn: "${aws_lb.main.arn}", web_acl_arn: "${aws_wafv2_web_acl.main.arn}" } },
    }),
    "an internal load balancer": stackOf({ aws_lb: { main: { internal: true } } }),
  },
  failing: {
    "a web ACL associated with another load balancer": [
      stackOf({ aws_lb: { main: {}, other: {} }, aws_wafv2_web_acl_association: { main: { resource_arn: "${aws_lb.other.arn}" } } }),
      [{ address: "aws_lb.main", problem: "faces the internet without a WAF web ACL" }],
    ],
  },
});
