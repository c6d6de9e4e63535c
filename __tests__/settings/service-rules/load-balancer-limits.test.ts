import { loadBalancerLimitsRule } from "../../../src/settings/service-rules/load-balancer-limits";
import { describeServicesRule } from "./check-services";

const many = (count: number, extra = {}) =>
  Object.fromEntries(Array.from({ length: count }, (_, index) => [`s${index}`, { name: `app-s${index}`, ...extra }]));

describeServicesRule(loadBalancerLimitsRule, {
  passing: [many(3), many(100), many(49, { https: { domain: "example.com" } })],
  failing: [
    [
      many(101),
      "services.s100: must leave the load balancer at most 100 listener rules (AWS's quota, adjustable on request); these services need 101",
    ],
    [many(101), "services.s100: must leave the load balancer at most 100 target groups"],
    [many(50, { https: { domain: "example.com" } }), "these services need 101"],
    [
      {
        a: { name: "a-very-long-platform-name-for-svc-a", containerPort: 8080 },
        b: { name: "a-very-long-platform-name-for-svc-b", containerPort: 8080 },
      },
      "services.b.name: must give a target group name other than services.a's",
    ],
  ],
});
