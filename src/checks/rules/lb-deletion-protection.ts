import type { PolicyRule } from "../policy-rule";
import { applicationLoadBalancers } from "../stack-queries";

export const lbDeletionProtectionRule: PolicyRule = {
  id: "LB-DELETION-PROTECTION",
  severity: "warning",
  risk: "A mistaken destroy or replacement deletes the load balancer, and with it the DNS name every client uses.",
  fix: 'Use "defaults": "recommended", or set "loadBalancer": { "deletionProtection": true }.',
  equivalents: { checkov: ["CKV_AWS_150"] },
  check(stack) {
    return applicationLoadBalancers(stack)
      .filter((lb) => lb.config.enable_deletion_protection !== true)
      .map((lb) => ({ address: lb.address, problem: "can be deleted: deletion protection is off" }));
  },
};
