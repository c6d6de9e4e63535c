import type { PolicyRule } from "../policy-rule";
import { isExistingLoadBalancerGroup, loadBalancerSecurityGroups, portsOf, securityGroupRules, taskSecurityGroups } from "../stack-queries";

export const sgTasksFromLoadBalancerRule: PolicyRule = {
  id: "SG-TASKS-FROM-LOAD-BALANCER",
  severity: "error",
  risk: "Tasks reachable from addresses rather than from the load balancer can be called around it, past its TLS, WAF and logs.",
  fix: 'Set "serviceIngress": "alb-security-group" (the recommended default): the tasks admit only the load balancer\'s security group.',
  equivalents: {},
  check(stack) {
    const tasks = taskSecurityGroups(stack);
    const loadBalancers = loadBalancerSecurityGroups(stack);
    return securityGroupRules(stack)
      .filter((rule) => rule.direction === "ingress" && tasks.has(rule.group))
      .filter(
        (rule) =>
          rule.cidrs.length > 0 ||
          !rule.otherSources.every(isExistingLoadBalancerGroup) ||
          !rule.sourceGroups.every((group) => loadBalancers.has(group)),
      )
      .map((rule) => ({
        address: rule.address,
        problem: `admits ${portsOf(rule)} to the tasks from ${[...rule.cidrs, ...rule.sourceGroups, ...rule.otherSources].join(", ")}`,
      }));
  },
};
