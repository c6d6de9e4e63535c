import type { SettingsRule } from "./rule";

export const execNeedsWritableRootRule: SettingsRule = {
  id: "exec-needs-writable-root",
  summary: "ECS Exec is not combined with a read-only root filesystem: its agent writes into the container, and AWS does not support it",
  check(s, { usable }) {
    if (!usable("enableExecuteCommand", "readonlyRootFilesystem") || !s.enableExecuteCommand || !s.readonlyRootFilesystem) return [];
    return [
      {
        path: "enableExecuteCommand",
        rule: "must be false while readonlyRootFilesystem is true: the ECS Exec agent must write into the container's filesystem (AWS does not support the two together)",
        value: true,
      },
    ];
  },
};
