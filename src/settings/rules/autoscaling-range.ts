import type { Problem } from "../problems";
import type { SettingsRule } from "./rule";

export const autoscalingRangeRule: SettingsRule = {
  id: "autoscaling-range",
  summary: "with `autoscaling`, `minCount` ≤ `desiredCount` ≤ `maxCount`, and at least one target (CPU, memory or requests)",
  check(s, { usable }) {
    const scaling = s.autoscaling;
    if (!scaling || !usable("autoscaling.minCount", "autoscaling.maxCount")) return [];
    const problems: Problem[] = [];
    if (scaling.minCount > scaling.maxCount) {
      problems.push({ path: "autoscaling.minCount", rule: `must be at most maxCount (${scaling.maxCount})`, value: scaling.minCount });
    } else if (usable("desiredCount") && (s.desiredCount < scaling.minCount || s.desiredCount > scaling.maxCount)) {
      problems.push({
        path: "desiredCount",
        rule: `must lie within autoscaling's ${scaling.minCount} to ${scaling.maxCount} tasks (it is the first count; autoscaling moves it from there)`,
        value: s.desiredCount,
      });
    }
    if (scaling.cpuTargetPercent === undefined && scaling.memoryTargetPercent === undefined && scaling.requestsPerTarget === undefined) {
      problems.push({
        path: "autoscaling",
        rule: "must name at least one target to scale on: cpuTargetPercent, memoryTargetPercent or requestsPerTarget",
        value: scaling,
      });
    }
    return problems;
  },
};
