import type { ServiceProblem, ServicesRule } from "./rule";
import { describeMatch, matchesAny, matchOf, sameValues } from "./rule-match";

export const listenerRuleShadowingRule: ServicesRule = {
  id: "listener-rule-shadowing",
  summary:
    "no service's rule comes after one that takes all its requests (every path, on its hosts or any host, at a lower priority number): it would never be reached",
  check(services) {
    const matches = services.map(({ settings }) => matchOf(settings));
    // Only a web service has a listener rule: the others have no priority to compare.
    const priorities = services.map(({ settings }) => (settings.kind === "web" ? settings.listenerRule.priority : undefined));
    const problems: ServiceProblem[] = [];
    matches.forEach((match, index) => {
      const own = priorities[index];
      if (own === undefined) return;
      const shadowing = matches.findIndex((other, at) => {
        const before = priorities[at];
        if (at === index || before === undefined || before >= own || !matchesAny(other.paths)) return false;
        const clash = sameValues(other.hosts, match.hosts) && sameValues(other.paths, match.paths);
        const coversHosts = other.hosts.length === 0 || (match.hosts.length > 0 && match.hosts.every((host) => other.hosts.includes(host)));
        return coversHosts && !clash;
      });
      if (shadowing < 0) return;
      problems.push({
        service: index,
        path: "listenerRule.priority",
        rule: `must come before ${services[shadowing].label}'s (priority ${priorities[shadowing]}, ${describeMatch(matches[shadowing])}), which takes every request this rule matches: a lower number`,
        value: own,
      });
    });
    return problems;
  },
};
