import type { ServiceProblem, ServicesRule } from "./rule";

export const listenerRulePrioritiesRule: ServicesRule = {
  id: "listener-rule-priorities",
  summary:
    "with more than one service, each sets `listenerRule.priority` and no two share one: the rules' order decides which service answers, and AWS refuses two rules of one priority on a listener",
  check(services) {
    // Only a web service has a listener rule.
    if (services.filter(({ settings }) => settings.kind === "web").length < 2) return [];
    const problems: ServiceProblem[] = [];
    services.forEach(({ settings }, index) => {
      if (settings.kind !== "web") return;
      const priority = settings.listenerRule.priority;
      if (priority === undefined) {
        problems.push({
          service: index,
          path: "listenerRule.priority",
          rule: "must be set when the platform has more than one service: the rules' order decides which service answers a request",
          value: undefined,
        });
        return;
      }
      const earlier = services.findIndex(
        (other, at) => at < index && other.settings.kind === "web" && other.settings.listenerRule.priority === priority,
      );
      if (earlier >= 0) {
        problems.push({
          service: index,
          path: "listenerRule.priority",
          rule: `must differ from ${services[earlier].label}'s: AWS refuses two rules of one priority on a listener`,
          value: priority,
        });
      }
    });
    return problems;
  },
};
