import { serviceTargetGroupName } from "../../aws/target-group-name";
import type { ServiceProblem, ServicesRule } from "./rule";

/** AWS's quotas per Application Load Balancer, both adjustable; beyond them the apply fails until AWS raises them. */
const RULES_PER_LOAD_BALANCER = 100;
const TARGET_GROUPS_PER_LOAD_BALANCER = 100;

export const loadBalancerLimitsRule: ServicesRule = {
  id: "load-balancer-limits",
  summary: `the services fit one load balancer: at most ${RULES_PER_LOAD_BALANCER} listener rules (the HTTPS redirect and each service's rule on each listener count) and ${TARGET_GROUPS_PER_LOAD_BALANCER} target groups (AWS's quotas), and no two target groups of one name`,
  check(services) {
    if (!services.length) return [];
    const last = services.length - 1;
    const problems: ServiceProblem[] = [];
    const { https, existing } = services[0].settings;
    // Under the tutorial's HTTPS chapter plain HTTP stays open: a service has its rule on both listeners, and the redirect rule is one more.
    const bothListeners = https !== undefined && !https.redirectHttp && !existing.listenerArn;
    const total = services.length * (bothListeners ? 2 : 1) + (bothListeners ? 1 : 0);
    if (total > RULES_PER_LOAD_BALANCER) {
      problems.push({
        service: last,
        path: "",
        rule: `must leave the load balancer at most ${RULES_PER_LOAD_BALANCER} listener rules (AWS's quota, adjustable on request); these services need ${total}`,
        value: services.length,
      });
    }
    if (services.length > TARGET_GROUPS_PER_LOAD_BALANCER) {
      problems.push({
        service: last,
        path: "",
        rule: `must leave the load balancer at most ${TARGET_GROUPS_PER_LOAD_BALANCER} target groups (AWS's quota, adjustable on request), one per service`,
        value: services.length,
      });
    }
    const names = services.map(({ settings }) => serviceTargetGroupName(settings));
    names.forEach((name, index) => {
      const earlier = names.indexOf(name);
      if (earlier < index) {
        problems.push({
          service: index,
          path: "name",
          rule: `must give a target group name other than ${services[earlier].label}'s: shorten the names (a target group's is cut to 32 characters); here "${name}"`,
          value: services[index].settings.name,
        });
      }
    });
    return problems;
  },
};
