import { LOAD_BALANCER_SETTINGS } from "../load-balancer-settings";
import type { Problem } from "../problems";
import type { SettingsRule } from "./rule";

export const webOnlySettingsRule: SettingsRule = {
  id: "web-only-settings",
  summary:
    'a service of `kind` `"internal"` or `"worker"` is given none of what only a service behind the load balancer uses (`healthCheck`, `listenerRule`, `alarms.enabled`, `autoscaling.requestsPerTarget`): it has no target group, and would silently ignore them',
  check(s, { usable }) {
    if (!usable("kind") || (s.kind !== "internal" && s.kind !== "worker")) return [];
    const why = `a service of kind "${s.kind}" has no target group: only a web service is behind the load balancer`;
    const problems: Problem[] = LOAD_BALANCER_SETTINGS.filter(({ path, given }) => usable(path) && given(s)).map(({ path, value }) => ({
      path,
      rule: `must be left out: ${why}`,
      value: value(s),
    }));
    const perTarget = s.autoscaling?.requestsPerTarget;
    if (perTarget !== undefined && usable("autoscaling.requestsPerTarget")) {
      problems.push({ path: "autoscaling.requestsPerTarget", rule: `must be left out: ${why}`, value: perTarget });
    }
    return problems;
  },
};
