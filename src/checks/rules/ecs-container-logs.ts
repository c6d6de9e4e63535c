import type { PolicyRule } from "../policy-rule";
import { containersOf } from "../stack-queries";

export const ecsContainerLogsRule: PolicyRule = {
  id: "ECS-CONTAINER-LOGS",
  severity: "error",
  risk: "A container without a log driver loses its output when the task stops: errors and crashes leave no trace.",
  fix: 'Use "defaults": "recommended", or set "logs": { "enabled": true }: the container logs to a log group of its own.',
  equivalents: { cdkNag: ["AwsSolutions-ECS7"] },
  check(stack) {
    return containersOf(stack)
      .filter(({ container }) => !container.logConfiguration?.logDriver)
      .map(({ taskDefinition, container }) => ({
        address: taskDefinition.address,
        problem: `container "${container.name}" has no log configuration`,
      }));
  },
};
