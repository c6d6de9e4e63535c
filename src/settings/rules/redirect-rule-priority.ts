import { TUTORIAL } from "../tutorial";

const HTTPS_REDIRECT_PRIORITY = TUTORIAL.httpsRedirectPriority;

import type { SettingsRule } from "./rule";

export const redirectRulePriorityRule: SettingsRule = {
  id: "redirect-rule-priority",
  summary: `with the tutorial's HTTPS redirect (\`https\` without \`redirectHttp\`), \`listenerRule.priority\` is not ${HTTPS_REDIRECT_PRIORITY}, the redirect rule's: AWS refuses two rules of one priority`,
  check(s, { usable }) {
    if (!s.https || s.https.redirectHttp || s.listenerRule.priority !== HTTPS_REDIRECT_PRIORITY || !usable("listenerRule.priority"))
      return [];
    return [
      {
        path: "listenerRule.priority",
        rule: `must differ from ${HTTPS_REDIRECT_PRIORITY}, the priority of the rule that redirects the domain's HTTP to HTTPS on the same listener`,
        value: HTTPS_REDIRECT_PRIORITY,
      },
    ];
  },
};
