import type { PolicyRule } from "../policy-rule";
import { internetFacingLoadBalancers } from "../stack-queries";

export const lbWafRule: PolicyRule = {
  id: "LB-WAF",
  severity: "warning",
  risk: "Common web exploits (injection, known bad inputs) reach the service unfiltered.",
  fix: 'Set "loadBalancer": { "waf": true }: AWS\'s common rule set in front of the load balancer.',
  equivalents: { checkov: ["CKV2_AWS_28"] },
  check(stack) {
    return internetFacingLoadBalancers(stack)
      .filter((lb) => !stack.referringTo(lb.address, "aws_wafv2_web_acl_association").length)
      .map((lb) => ({ address: lb.address, problem: "faces the internet without a WAF web ACL" }));
  },
};
