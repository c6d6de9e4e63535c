import { autoscalingRangeRule } from "../../../src/settings/rules/autoscaling-range";
import { describeRule } from "./check-rule";

describeRule(autoscalingRangeRule, {
  passing: [
    {},
    { desiredCount: 2, autoscaling: { minCount: 2, maxCount: 6, cpuTargetPercent: 60 } },
    { desiredCount: 6, autoscaling: { minCount: 2, maxCount: 6, requestsPerTarget: 500 } },
    // A worker's backlog has data with no task running: the first message starts one.
    { kind: "worker", containerInsights: "enabled", autoscaling: { minCount: 0, maxCount: 4, messagesPerTask: 10 } },
  ],
  failing: [
    [
      { autoscaling: { minCount: 0, maxCount: 6, cpuTargetPercent: 60 } },
      "app/web.autoscaling.minCount: must be at least 1 unless the service is a worker scaling on messagesPerTask: with no task running, CPU, memory and requests have no data, and the service would never scale out again; received 0",
    ],
    [
      { kind: "worker", autoscaling: { minCount: 0, maxCount: 6, cpuTargetPercent: 60 } },
      "app/web.autoscaling.minCount: must be at least 1",
    ],
    [
      { desiredCount: 1, autoscaling: { minCount: 2, maxCount: 6, cpuTargetPercent: 60 } },
      "app/web.desiredCount: must lie within autoscaling's 2 to 6 tasks",
    ],
    [
      { autoscaling: { minCount: 7, maxCount: 6, cpuTargetPercent: 60 } },
      "app/web.autoscaling.minCount: must be at most maxCount (6); received 7",
    ],
    [
      { autoscaling: { minCount: 1, maxCount: 6 } },
      "app/web.autoscaling: must name at least one target to scale on: cpuTargetPercent, memoryTargetPercent, requestsPerTarget or messagesPerTask",
    ],
  ],
});
