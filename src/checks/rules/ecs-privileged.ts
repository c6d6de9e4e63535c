import type { PolicyRule } from "../policy-rule";
import { containersOf } from "../stack-queries";

export const ecsPrivilegedRule: PolicyRule = {
  id: "ECS-PRIVILEGED",
  severity: "error",
  risk: "A privileged container has root on its host; Fargate refuses it, and anywhere else it is an escape waiting to happen.",
  fix: "Remove `privileged` from the container definition.",
  equivalents: { checkov: ["CKV_AWS_334"] },
  check(stack) {
    return containersOf(stack)
      .filter(({ container }) => container.privileged === true)
      .map(({ taskDefinition, container }) => ({
        address: taskDefinition.address,
        problem: `container "${container.name}" is privileged`,
      }));
  },
};
