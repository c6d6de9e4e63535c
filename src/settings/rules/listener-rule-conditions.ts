import type { Problem } from "../problems";
import type { SettingsRule } from "./rule";

const PATH_PATTERN = /^[A-Za-z0-9_\-.$/~"'@:+&*?]{1,128}$/;
const HOST_PATTERN = /^[A-Za-z0-9\-.*?]{1,128}$/;
/** AWS's hard limits per listener rule, over all its conditions. */
const MAX_WILDCARDS_PER_RULE = 5;
const MAX_VALUES_PER_RULE = 5;

export const listenerRuleConditionsRule: SettingsRule = {
  id: "listener-rule-conditions",
  summary: `listener rule path patterns and host names are 1-128 characters ALB accepts, at most ${MAX_VALUES_PER_RULE} values and ${MAX_WILDCARDS_PER_RULE} wildcards (\`*\`, \`?\`) in all (AWS's limits per rule)`,
  check(s, { usable }) {
    const problems: Problem[] = [];
    const values: string[] = [];
    const check = (field: "pathPatterns" | "hostHeaders", pattern: RegExp, allowed: string) => {
      if (!usable(`listenerRule.${field}`)) return;
      const given = s.listenerRule[field];
      values.push(...given);
      given.forEach((value, index) => {
        if (!pattern.test(value)) {
          problems.push({ path: `listenerRule.${field}[${index}]`, rule: `must be 1-128 characters of ${allowed}`, value });
        }
      });
    };
    check("pathPatterns", PATH_PATTERN, "A-Z a-z 0-9 _-.$/~\"'@:+&*?");
    check("hostHeaders", HOST_PATTERN, "A-Z a-z 0-9 -.*?");
    if (values.length > MAX_VALUES_PER_RULE) {
      problems.push({
        path: "listenerRule",
        rule: `must hold at most ${MAX_VALUES_PER_RULE} paths and host names in all per rule (AWS's limit); these hold ${values.length}`,
        value: values,
      });
    }
    const wildcards = values.join("").replace(/[^*?]/g, "").length;
    if (wildcards > MAX_WILDCARDS_PER_RULE) {
      problems.push({
        path: values.length === s.listenerRule.pathPatterns.length ? "listenerRule.pathPatterns" : "listenerRule",
        rule: `must hold at most ${MAX_WILDCARDS_PER_RULE} wildcards (* and ?) per rule (AWS's limit); these hold ${wildcards}`,
        value: values,
      });
    }
    return problems;
  },
};
