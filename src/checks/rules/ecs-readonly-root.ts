import type { PolicyRule } from "../policy-rule";
import { containersOf } from "../stack-queries";

export const ecsReadonlyRootRule: PolicyRule = {
  id: "ECS-READONLY-ROOT",
  severity: "error",
  risk: "An intruder in a container with a writable root filesystem can change its binaries and persist until the task stops.",
  fix: 'Set "readonlyRootFilesystem": true, with "writablePaths" for the few places the image writes to.',
  equivalents: { checkov: ["CKV_AWS_336"] },
  check(stack) {
    return containersOf(stack)
      .filter(({ container }) => container.readonlyRootFilesystem !== true)
      .map(({ taskDefinition, container }) => ({
        address: taskDefinition.address,
        problem: `container "${container.name}" can write to its root filesystem`,
      }));
  },
};
