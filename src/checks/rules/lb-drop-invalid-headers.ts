import type { PolicyRule } from "../policy-rule";
import { applicationLoadBalancers } from "../stack-queries";

export const lbDropInvalidHeadersRule: PolicyRule = {
  id: "LB-DROP-INVALID-HEADERS",
  severity: "error",
  risk: "Header fields that are not valid HTTP reach the tasks, the way HTTP request smuggling starts.",
  fix: 'Use "defaults": "recommended", or set "loadBalancer": { "dropInvalidHeaderFields": true }.',
  equivalents: { checkov: ["CKV_AWS_131"], trivy: ["AVD-AWS-0052 aws-elb-drop-invalid-headers"] },
  check(stack) {
    return applicationLoadBalancers(stack)
      .filter((lb) => lb.config.drop_invalid_header_fields !== true)
      .map((lb) => ({ address: lb.address, problem: "passes invalid header fields on to its targets" }));
  },
};
