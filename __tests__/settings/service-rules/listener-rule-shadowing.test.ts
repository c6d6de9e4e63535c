import { listenerRuleShadowingRule } from "../../../src/settings/service-rules/listener-rule-shadowing";
import { describeServicesRule } from "./check-services";

const rule = (priority: number, pathPatterns?: string[], hostHeaders?: string[]) => ({
  listenerRule: { priority, pathPatterns, hostHeaders },
});

describeServicesRule(listenerRuleShadowingRule, {
  passing: [
    { web: rule(100, ["/*"]), api: rule(10, ["/api/*"]) },
    { web: rule(100, ["/*"]), admin: rule(20, undefined, ["admin.example.com"]) },
    { admin: rule(10, ["/*"], ["admin.example.com"]), api: rule(20, ["/api/*"]) },
  ],
  failing: [
    [
      { web: rule(5, ["/*"]), api: rule(10, ["/api/*"]) },
      'services.api.listenerRule.priority: must come before services.web\'s (priority 5, paths ["/*"] on any host), which takes every request this rule matches: a lower number; received 10',
    ],
    [
      { admin: rule(10, undefined, ["admin.example.com"]), reports: rule(20, ["/reports/*"], ["admin.example.com"]) },
      "services.reports.listenerRule.priority: must come before services.admin's (priority 10",
    ],
  ],
});
