import { backlogScalingRule } from "../../../src/settings/rules/backlog-scaling";
import { describeRule } from "./check-rule";

const backlog = { minCount: 0, maxCount: 4, messagesPerTask: 10 };

describeRule(backlogScalingRule, {
  passing: [
    { kind: "worker" },
    { kind: "worker", containerInsights: "enabled", autoscaling: backlog },
    { kind: "worker", containerInsights: "enhanced", autoscaling: backlog },
    { kind: "worker", defaults: "recommended", autoscaling: backlog },
    // A cluster that exists already keeps its own settings.
    { kind: "worker", existing: { clusterName: "platform" }, autoscaling: backlog },
  ],
  failing: [
    [
      { kind: "worker", autoscaling: backlog },
      'app/web.autoscaling.messagesPerTask: needs containerInsights "enabled" or "enhanced": the backlog per task divides by the running tasks Container Insights counts; received 10',
    ],
    [
      { kind: "worker", containerInsights: "disabled", autoscaling: backlog },
      "app/web.autoscaling.messagesPerTask: needs containerInsights",
    ],
  ],
});
