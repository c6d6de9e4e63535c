import { blocks } from "../../terraform/terraform-json";
import type { PolicyRule } from "../policy-rule";
import { applicationLoadBalancers } from "../stack-queries";

export const lbAccessLogsRule: PolicyRule = {
  id: "LB-ACCESS-LOGS",
  severity: "error",
  risk: "Without access logs, who called what and when cannot be told after an incident.",
  fix: 'Use "defaults": "recommended", or set "loadBalancer": { "accessLogs": true }.',
  equivalents: { checkov: ["CKV_AWS_91"], cdkNag: ["AwsSolutions-ELB2"] },
  check(stack) {
    return (
      applicationLoadBalancers(stack)
        // The provider's `enabled` defaults to false, a bucket given or not.
        .filter((lb) => !blocks(lb.config.access_logs).some((logs) => logs.enabled === true && logs.bucket))
        .map((lb) => ({ address: lb.address, problem: "writes no access logs" }))
    );
  },
};
