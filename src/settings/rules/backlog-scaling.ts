import type { SettingsRule } from "./rule";

export const backlogScalingRule: SettingsRule = {
  id: "backlog-scaling",
  summary:
    "`autoscaling.messagesPerTask` has Container Insights on (`containerInsights` `enabled` or `enhanced`): its `RunningTaskCount` is the number of tasks the backlog is shared by, and without it the policy has no data and never scales (a cluster that exists already is trusted to have it)",
  check(s, { usable }) {
    const perTask = s.autoscaling?.messagesPerTask;
    if (perTask === undefined || !usable("autoscaling.messagesPerTask", "containerInsights", "existing.clusterName")) return [];
    // The stack does not write the settings of a cluster that exists already: its own say whether Container Insights is on.
    if (s.existing.clusterName) return [];
    if (s.containerInsights === "enabled" || s.containerInsights === "enhanced") return [];
    return [
      {
        path: "autoscaling.messagesPerTask",
        rule: 'needs containerInsights "enabled" or "enhanced": the backlog per task divides by the running tasks Container Insights counts',
        value: perTask,
      },
    ];
  },
};
