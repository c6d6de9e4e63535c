import type { Problem } from "../problems";
import type { SettingsRule } from "./rule";

export const autoscalingRangeRule: SettingsRule = {
  id: "autoscaling-range",
  summary:
    "with `autoscaling`, `minCount` ≤ `desiredCount` ≤ `maxCount`, and at least one target (CPU, memory, requests or messages per task); `minCount` is 0 only for a worker scaling on its backlog, the one metric that has data with no task running",
  check(s, { usable }) {
    const scaling = s.autoscaling;
    if (!scaling || !usable("autoscaling.minCount", "autoscaling.maxCount")) return [];
    const problems: Problem[] = [];
    if (scaling.minCount === 0 && !(s.kind === "worker" && scaling.messagesPerTask !== undefined)) {
      problems.push({
        path: "autoscaling.minCount",
        rule: "must be at least 1 unless the service is a worker scaling on messagesPerTask: with no task running, CPU, memory and requests have no data, and the service would never scale out again",
        value: 0,
      });
    } else if (scaling.minCount > scaling.maxCount) {
      problems.push({ path: "autoscaling.minCount", rule: `must be at most maxCount (${scaling.maxCount})`, value: scaling.minCount });
    } else if (usable("desiredCount") && (s.desiredCount < scaling.minCount || s.desiredCount > scaling.maxCount)) {
      problems.push({
        path: "desiredCount",
        rule: `must lie within autoscaling's ${scaling.minCount} to ${scaling.maxCount} tasks (it is the first count; autoscaling moves it from there)`,
        value: s.desiredCount,
      });
    }
    if (
      scaling.cpuTargetPercent === undefined &&
      scaling.memoryTargetPercent === undefined &&
      scaling.requestsPerTarget === undefined &&
      scaling.messagesPerTask === undefined
    ) {
      problems.push({
        path: "autoscaling",
        rule: "must name at least one target to scale on: cpuTargetPercent, memoryTargetPercent, requestsPerTarget or messagesPerTask",
        value: scaling,
      });
    }
    return problems;
  },
};
