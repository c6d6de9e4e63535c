import type { Problem } from "../problems";
import type { SettingsRule } from "./rule";

const PATH_PATTERN = /^[A-Za-z0-9_\-.$/~"'@:+&*?]{1,128}$/;
/** AWS's hard limit of wildcards per listener rule, over all its conditions. */
const MAX_WILDCARDS_PER_RULE = 5;

export const listenerRuleConditionsRule: SettingsRule = {
  id: "listener-rule-conditions",
  summary: `listener rule path patterns are 1-128 characters ALB accepts, with at most ${MAX_WILDCARDS_PER_RULE} wildcards (\`*\`, \`?\`) in all`,
  check(s, { usable }) {
    if (!usable("listenerRule.pathPatterns")) return [];
    const patterns = s.listenerRule.pathPatterns;
    const problems: Problem[] = patterns.flatMap((pattern, index) =>
      PATH_PATTERN.test(pattern)
        ? []
        : [
            {
              path: `listenerRule.pathPatterns[${index}]`,
              rule: "must be 1-128 characters of A-Z a-z 0-9 _-.$/~\"'@:+&*?",
              value: pattern,
            },
          ],
    );
    const wildcards = patterns.join("").replace(/[^*?]/g, "").length;
    if (wildcards > MAX_WILDCARDS_PER_RULE) {
      problems.push({
        path: "listenerRule.pathPatterns",
        rule: `must hold at most ${MAX_WILDCARDS_PER_RULE} wildcards (* and ?) per rule (AWS's limit); these hold ${wildcards}`,
        value: patterns,
      });
    }
    return problems;
  },
};
