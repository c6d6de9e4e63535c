import { blocks } from "../../terraform/terraform-json";
import type { PolicyRule } from "../policy-rule";
import {
  isExistingLoadBalancerGroup,
  loadBalancerSecurityGroups,
  portsOf,
  securityGroupRules,
  securityGroupsIn,
  taskSecurityGroups,
} from "../stack-queries";

export const sgTasksFromLoadBalancerRule: PolicyRule = {
  id: "SG-TASKS-FROM-LOAD-BALANCER",
  severity: "error",
  risk: "Tasks reachable from addresses rather than from the load balancer can be called around it, past its TLS, WAF and logs.",
  fix: 'Set "serviceIngress": "alb-security-group" (the recommended default): the tasks admit only the load balancer\'s security group.',
  equivalents: {},
  check(stack) {
    const tasks = taskSecurityGroups(stack);
    const loadBalancers = loadBalancerSecurityGroups(stack);
    // An internal service is called by the platform's other services through Service Connect, not through the load balancer.
    const published = new Set(
      stack
        .ofType("aws_ecs_service")
        .filter((service) =>
          blocks(service.config.service_connect_configuration).some((one) => one.enabled !== false && blocks(one.service).length),
        )
        .flatMap((service) => blocks(service.config.network_configuration).flatMap((n) => securityGroupsIn(n.security_groups))),
    );
    const callers = (group: string) => (published.has(group) ? tasks : new Set<string>());
    return securityGroupRules(stack)
      .filter((rule) => rule.direction === "ingress" && tasks.has(rule.group))
      .filter(
        (rule) =>
          rule.cidrs.length > 0 ||
          !rule.otherSources.every(isExistingLoadBalancerGroup) ||
          !rule.sourceGroups.every((group) => loadBalancers.has(group) || callers(rule.group).has(group)),
      )
      .map((rule) => ({
        address: rule.address,
        problem: `admits ${portsOf(rule)} to the tasks from ${[...rule.cidrs, ...rule.sourceGroups, ...rule.otherSources].join(", ")}`,
      }));
  },
};
