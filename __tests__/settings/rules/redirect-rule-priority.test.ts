import { redirectRulePriorityRule } from "../../../src/settings/rules/redirect-rule-priority";
import { describeRule } from "./check-rule";

describeRule(redirectRulePriorityRule, {
  passing: [
    { listenerRule: { priority: 99 } },
    { https: { domain: "example.com" }, listenerRule: { priority: 100 } },
    { https: { domain: "example.com", redirectHttp: true }, listenerRule: { priority: 99 } },
  ],
  failing: [
    [
      { https: { domain: "example.com" }, listenerRule: { priority: 99 } },
      "app/web.listenerRule.priority: must differ from 99, the priority of the rule that redirects the domain's HTTP to HTTPS on the same listener; received 99",
    ],
  ],
});
