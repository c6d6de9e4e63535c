import type { PolicyRule } from "../policy-rule";
import { containersOf } from "../stack-queries";

/** The tag of an image reference, if any: after the last colon that follows the last slash. */
const tagOf = (image: string): string | undefined => {
  const name = image.slice(image.lastIndexOf("/") + 1);
  return name.includes(":") ? name.slice(name.lastIndexOf(":") + 1) : undefined;
};

export const ecsImagePinnedRule: PolicyRule = {
  id: "ECS-IMAGE-PINNED",
  severity: "error",
  risk: "An image without a tag, or tagged `latest`, changes under the service: two tasks of one deployment may run different code, and a rollback cannot go back.",
  fix: 'Set "image" to a version tag (`nginx:1.27.3`) or a digest (`nginx@sha256:…`).',
  equivalents: {},
  check(stack) {
    return containersOf(stack)
      .filter(({ container }) => typeof container.image === "string" && !container.image.includes("${"))
      .filter(({ container }) => !container.image.includes("@sha256:") && [undefined, "latest"].includes(tagOf(container.image)))
      .map(({ taskDefinition, container }) => ({
        address: taskDefinition.address,
        problem: `container "${container.name}" runs ${container.image}, which is not pinned to a version`,
      }));
  },
};
