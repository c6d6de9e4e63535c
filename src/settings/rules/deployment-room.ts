import type { SettingsRule } from "./rule";

/**
 * ECS rounds the healthy minimum up and the maximum down: with 1 task, 100 % and 150 %, it may
 * neither stop the old task nor start a new one, and every deployment waits forever.
 */
export const deploymentRoomRule: SettingsRule = {
  id: "deployment-room",
  summary:
    "a deployment can make progress: `deployment.maximumPercent` of the task count (rounded down) exceeds `deployment.minimumHealthyPercent` of it (rounded up)",
  check(s, { usable }) {
    if (!usable("deployment.minimumHealthyPercent", "deployment.maximumPercent", "desiredCount")) return [];
    const minimum = s.deployment.minimumHealthyPercent ?? 100;
    const maximum = s.deployment.maximumPercent ?? 200;
    const counts = [s.desiredCount, ...(s.autoscaling ? [s.autoscaling.minCount, s.autoscaling.maxCount] : [])].filter(
      (count) => count > 0,
    );
    const stuck = counts.find((count) => Math.floor((count * maximum) / 100) <= Math.ceil((count * minimum) / 100));
    if (stuck === undefined) return [];
    const path = s.deployment.maximumPercent === undefined ? "deployment.minimumHealthyPercent" : "deployment.maximumPercent";
    return [
      {
        path,
        rule: `must leave a deployment room with ${stuck} tasks: ECS may run ${Math.floor((stuck * maximum) / 100)} and must keep ${Math.ceil((stuck * minimum) / 100)} healthy, so it can neither start a new task nor stop an old one`,
        value: path === "deployment.maximumPercent" ? maximum : minimum,
      },
    ];
  },
};
