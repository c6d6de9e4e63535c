import type { ServiceProblem, ServicesRule } from "./rule";
import { describeMatch, matchOf, sameValues } from "./rule-match";

export const listenerRuleOverlapRule: ServicesRule = {
  id: "listener-rule-overlap",
  summary:
    "no two services claim the same paths on the same hosts (two `/*` without hosts clash): the rule with the lower priority number would take every such request",
  check(services) {
    // Only a web service has a listener rule.
    const matches = services.map(({ settings }) => (settings.kind === "web" ? matchOf(settings) : undefined));
    const problems: ServiceProblem[] = [];
    matches.forEach((match, index) => {
      if (!match) return;
      const earlier = matches.findIndex(
        (other, at) => at < index && other !== undefined && sameValues(other.hosts, match.hosts) && sameValues(other.paths, match.paths),
      );
      if (earlier < 0) return;
      problems.push({
        service: index,
        path: "listenerRule",
        rule: `must not claim what ${services[earlier].label} claims (${describeMatch(matches[earlier]!)}): one of the two would get every such request`,
        value: { pathPatterns: match.paths, hostHeaders: match.hosts },
      });
    });
    return problems;
  },
};
