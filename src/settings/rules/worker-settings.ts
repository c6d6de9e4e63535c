import type { Problem } from "../problems";
import type { SettingsRule } from "./rule";

export const workerSettingsRule: SettingsRule = {
  id: "worker-settings",
  summary:
    '`queue` and `autoscaling.messagesPerTask` are given only to a service of `kind` `"worker"`: the other kinds have no queue, and would silently ignore them',
  check(s, { usable }) {
    if (!usable("kind") || s.kind === "worker") return [];
    const problems: Problem[] = [];
    if (s.queue && usable("queue")) {
      problems.push({ path: "queue", rule: `only a worker has a queue; this service is of kind "${s.kind}"`, value: s.queue });
    }
    const perTask = s.autoscaling?.messagesPerTask;
    if (perTask !== undefined && usable("autoscaling.messagesPerTask")) {
      problems.push({
        path: "autoscaling.messagesPerTask",
        rule: `only a worker scales on the backlog of its queue; this service is of kind "${s.kind}"`,
        value: perTask,
      });
    }
    return problems;
  },
};
