import { containerDefinitions, MAX_TASK_DEFINITION_BYTES } from "../../aws/container-definitions";
import type { SettingsRule } from "./rule";

/** Room for the rest of the task definition: family, sizes, network mode, roles. */
const OTHER_FIELDS_BYTES = 1024;

export const taskDefinitionSizeRule: SettingsRule = {
  id: "task-definition-size",
  summary: "the task definition stays within AWS's 64 KiB, environment variables and secrets included",
  check(s, { usable, region }) {
    if (!usable("environment", "secrets", "image", "containerName", "containerPort", "healthCheck.port")) return [];
    const bytes = Buffer.byteLength(
      containerDefinitions({
        name: s.containerName,
        image: s.image,
        ports: [s.containerPort, s.healthCheck.port],
        environment: s.environment,
        secrets: s.secrets,
        logs: s.logs.enabled ? { group: `/ecs/${s.name}`, region: region ?? "ap-southeast-4", streamPrefix: s.containerName } : undefined,
        mounts: s.writablePaths.map((path) => ({ volume: path, path })),
      }),
    );
    if (bytes + OTHER_FIELDS_BYTES <= MAX_TASK_DEFINITION_BYTES) return [];
    return [
      {
        path: "environment",
        rule: `must keep the task definition within ${MAX_TASK_DEFINITION_BYTES / 1024} KiB (AWS's limit): its container definition takes ${bytes} bytes`,
        value: `${Object.keys(s.environment).length} variables`,
      },
    ];
  },
};
