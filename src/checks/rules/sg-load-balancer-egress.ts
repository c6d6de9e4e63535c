import type { PolicyRule } from "../policy-rule";
import { isAllTraffic, isOpenToAll, loadBalancerSecurityGroups, securityGroupRules } from "../stack-queries";

export const sgLoadBalancerEgressRule: PolicyRule = {
  id: "SG-LOAD-BALANCER-EGRESS",
  severity: "warning",
  risk: "A load balancer only needs to reach its targets; egress to the whole internet on every port lets a compromised or misrouted one reach anything.",
  fix: 'Use "defaults": "recommended", which limits the load balancer\'s egress to the VPC. (The tasks\' egress is not judged: they pull images and call APIs.)',
  equivalents: { checkov: ["CKV_AWS_382"], trivy: ["AVD-AWS-0104 aws-ec2-no-public-egress-sgr"] },
  check(stack) {
    const loadBalancers = loadBalancerSecurityGroups(stack);
    return securityGroupRules(stack)
      .filter((rule) => rule.direction === "egress" && loadBalancers.has(rule.group) && isOpenToAll(rule) && isAllTraffic(rule))
      .map((rule) => ({ address: rule.address, problem: `lets the load balancer reach all traffic at ${rule.cidrs.join(", ")}` }));
  },
};
