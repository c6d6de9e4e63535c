import { POLICY_RULE_IDS } from "../../checks/run-policy-checks";
import type { SettingsRule } from "./rule";

export const policySuppressionsRule: SettingsRule = {
  id: "policy-suppressions",
  summary: "each of `suppressions` names one of the policy rules, and no rule twice for the same resource",
  check(_, { usable, environment }) {
    if (!environment?.suppressions || !usable("suppressions")) return [];
    const seen = new Set<string>();
    return environment.suppressions.flatMap((suppression, index) => {
      const path = `suppressions[${index}].rule`;
      if (!POLICY_RULE_IDS.includes(suppression.rule)) {
        return [{ path, rule: `must be one of the policy rules (${POLICY_RULE_IDS.join(", ")})`, value: suppression.rule }];
      }
      const key = `${suppression.rule} ${suppression.resource ?? "*"}`;
      if (seen.has(key)) return [{ path, rule: "is suppressed twice for the same resources", value: suppression.rule }];
      seen.add(key);
      return [];
    });
  },
};
