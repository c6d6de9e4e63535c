import { autoscalingRangeRule } from "../../../src/settings/rules/autoscaling-range";
import { describeRule } from "./check-rule";

describeRule(autoscalingRangeRule, {
  passing: [
    {},
    { desiredCount: 2, autoscaling: { minCount: 2, maxCount: 6, cpuTargetPercent: 60 } },
    { desiredCount: 6, autoscaling: { minCount: 2, maxCount: 6, requestsPerTarget: 500 } },
  ],
  failing: [
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
      "app/web.autoscaling: must name at least one target to scale on: cpuTargetPercent, memoryTargetPercent or requestsPerTarget",
    ],
  ],
});
