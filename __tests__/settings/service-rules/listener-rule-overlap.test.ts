import { listenerRuleOverlapRule } from "../../../src/settings/service-rules/listener-rule-overlap";
import { describeServicesRule } from "./check-services";

describeServicesRule(listenerRuleOverlapRule, {
  passing: [
    { web: { listenerRule: { pathPatterns: ["/*"] } }, api: { listenerRule: { pathPatterns: ["/api/*"] } } },
    { web: { listenerRule: { pathPatterns: ["/*"] } }, admin: { listenerRule: { hostHeaders: ["admin.example.com"] } } },
    {
      a: { listenerRule: { hostHeaders: ["a.example.com"], pathPatterns: ["/*"] } },
      b: { listenerRule: { hostHeaders: ["b.example.com"], pathPatterns: ["/*"] } },
    },
  ],
  failing: [
    [
      { web: { listenerRule: { pathPatterns: ["/*"] } }, shop: { listenerRule: { pathPatterns: ["*"] } } },
      'services.shop.listenerRule: must not claim what services.web claims (paths ["/*"] on any host): one of the two would get every such request',
    ],
    [
      { a: { listenerRule: { pathPatterns: ["/x", "/api/*"] } }, b: { listenerRule: { pathPatterns: ["/api/*"] } } },
      "services.b.listenerRule: must not claim what services.a claims",
    ],
    [
      {
        a: { listenerRule: { hostHeaders: ["Admin.example.com"] } },
        b: { listenerRule: { hostHeaders: ["admin.example.com", "ops.example.com"] } },
      },
      'services.b.listenerRule: must not claim what services.a claims (paths any on hosts ["admin.example.com"])',
    ],
  ],
});
