import { listenerRulePrioritiesRule } from "../../../src/settings/service-rules/listener-rule-priorities";
import { describeServicesRule } from "./check-services";

const at = (priority: number, pathPatterns = ["/*"]) => ({ listenerRule: { priority, pathPatterns } });

describeServicesRule(listenerRulePrioritiesRule, {
  passing: [{ web: {} }, { web: at(100), api: at(10, ["/api/*"]) }],
  failing: [
    [
      { web: at(100), api: { listenerRule: { pathPatterns: ["/api/*"] } } },
      "services.api.listenerRule.priority: must be set when the platform has more than one service",
    ],
    [
      { web: at(10), api: at(10, ["/api/*"]) },
      "services.api.listenerRule.priority: must differ from services.web's: AWS refuses two rules of one priority on a listener; received 10",
    ],
  ],
});
