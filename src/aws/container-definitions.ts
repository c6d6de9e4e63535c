/** What one container of a task definition is made of, in this project. */
export interface ContainerInput {
  readonly name: string;
  readonly image: string;
  /** Ports the container listens on: traffic first, then a separate health check port if any. */
  readonly ports: readonly number[];
  readonly environment: Readonly<Record<string, string>>;
}

/** AWS's hard limit on the size of a task definition. */
export const MAX_TASK_DEFINITION_BYTES = 64 * 1024;

/**
 * The task definition's `containerDefinitions` JSON, as ECS receives it. Variables are sorted, so
 * that the same settings always give the same document (and an empty plan).
 */
export function containerDefinitions(container: ContainerInput): string {
  const environment = Object.entries(container.environment)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, value]) => ({ name, value }));
  return JSON.stringify([
    {
      name: container.name,
      image: container.image,
      portMappings: [...new Set(container.ports)].map((port) => ({ containerPort: port, hostPort: port })),
      ...(environment.length ? { environment } : {}),
    },
  ]);
}
