import { listenerRuleConditionsRule } from "../../../src/settings/rules/listener-rule-conditions";
import { describeRule } from "./check-rule";

describeRule(listenerRuleConditionsRule, {
  passing: [
    {},
    { listenerRule: { pathPatterns: ["/api/v?/*"] } },
    { listenerRule: { pathPatterns: ["/a/*", "/b/*", "/c/*/d/*"] } },
    { listenerRule: { hostHeaders: ["api.example.com", "*.example.org"], pathPatterns: ["/v1/*"] } },
  ],
  failing: [
    [{ listenerRule: { pathPatterns: [""] } }, "app/web.listenerRule.pathPatterns[0]: must be 1-128 characters"],
    [
      { listenerRule: { pathPatterns: ["/a b"] } },
      'app/web.listenerRule.pathPatterns[0]: must be 1-128 characters of A-Z a-z 0-9 _-.$/~"\'@:+&*?; received "/a b"',
    ],
    [{ listenerRule: { pathPatterns: [`/${"a".repeat(128)}`] } }, "app/web.listenerRule.pathPatterns[0]: must be 1-128 characters"],
    [
      { listenerRule: { pathPatterns: ["/a/*/*", "/b/*/*", "/c/?/*"] } },
      'app/web.listenerRule.pathPatterns: must hold at most 5 wildcards (* and ?) per rule (AWS\'s limit); these hold 6; received ["/a/*/*","/b/*/*","/c/?/*"]',
    ],
    [
      { listenerRule: { hostHeaders: ["api example.com"] } },
      'app/web.listenerRule.hostHeaders[0]: must be 1-128 characters of A-Z a-z 0-9 -.*?; received "api example.com"',
    ],
    [
      { listenerRule: { hostHeaders: ["a.example.com", "b.example.com", "c.example.com"], pathPatterns: ["/a", "/b", "/c"] } },
      "app/web.listenerRule: must hold at most 5 paths and host names in all per rule (AWS's limit); these hold 6",
    ],
    [
      { listenerRule: { hostHeaders: ["*.a.com", "*.b.com", "*.c.com"], pathPatterns: ["/*/x/*/*"] } },
      "app/web.listenerRule: must hold at most 5 wildcards (* and ?) per rule (AWS's limit); these hold 6",
    ],
  ],
});
