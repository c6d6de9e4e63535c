import type { SettingsRule } from "./rule";

export const containerHealthCheckRule: SettingsRule = {
  id: "container-health-check",
  summary: '`containerHealthCheck.command` starts with `"CMD"` (run as is) or `"CMD-SHELL"` (run by the shell), as ECS requires',
  check(s, { usable }) {
    const command = s.containerHealthCheck?.command;
    if (!command || !usable("containerHealthCheck.command") || ["CMD", "CMD-SHELL"].includes(command[0])) return [];
    return [
      {
        path: "containerHealthCheck.command",
        rule: 'must start with "CMD" or "CMD-SHELL", such as ["CMD-SHELL", "curl -f http://localhost/ || exit 1"]',
        value: command,
      },
    ];
  },
};
