/** The awslogs driver's settings: where the container's output goes. */
export interface ContainerLogs {
  readonly group: string;
  readonly region: string;
  readonly streamPrefix: string;
}

/** A Docker health check, every field written: AWS fills in the unset ones, which would read back as a change. */
export interface ContainerHealthCheck {
  readonly command: readonly string[];
  readonly interval: number;
  readonly timeout: number;
  readonly retries: number;
  readonly startPeriod: number;
}

/** What one container of a task definition is made of, in this project. */
export interface ContainerInput {
  readonly name: string;
  readonly image: string;
  /** Ports the container listens on: traffic first, then a separate health check port if any. */
  readonly ports: readonly number[];
  /** Name of the traffic port's mapping, speaking HTTP: what Service Connect publishes (`portName`). */
  readonly trafficPortName?: string;
  readonly environment: Readonly<Record<string, string>>;
  /** Variable name to the ARN of an SSM parameter or Secrets Manager secret. */
  readonly secrets?: Readonly<Record<string, string>>;
  readonly logs?: ContainerLogs;
  readonly readonlyRootFilesystem?: boolean;
  /** Volumes mounted writable at these paths. */
  readonly mounts?: readonly { readonly volume: string; readonly path: string }[];
  readonly healthCheck?: ContainerHealthCheck;
  readonly stopTimeout?: number;
  /** Run an init process as PID 1, which reaps the processes ECS Exec sessions leave behind. */
  readonly initProcess?: boolean;
}

/** AWS's hard limit on the size of a task definition. */
export const MAX_TASK_DEFINITION_BYTES = 64 * 1024;

const byName = (entries: Readonly<Record<string, string>>) => Object.entries(entries).sort(([a], [b]) => a.localeCompare(b));

/**
 * The task definition's `containerDefinitions` JSON, as ECS receives it: only what is set, so that
 * the tutorial's container is exactly its HCL's. Variables and secrets are sorted, so that the same
 * settings always give the same document (and an empty plan).
 */
export function containerDefinitions(container: ContainerInput): string {
  const environment = byName(container.environment).map(([name, value]) => ({ name, value }));
  const secrets = byName(container.secrets ?? {}).map(([name, valueFrom]) => ({ name, valueFrom }));
  const { logs, healthCheck, mounts = [] } = container;
  return JSON.stringify([
    {
      name: container.name,
      image: container.image,
      portMappings: [...new Set(container.ports)].map((port, index) => ({
        containerPort: port,
        hostPort: port,
        ...(index === 0 && container.trafficPortName ? { name: container.trafficPortName, appProtocol: "http" } : {}),
      })),
      ...(environment.length ? { environment } : {}),
      ...(secrets.length ? { secrets } : {}),
      ...(logs
        ? {
            logConfiguration: {
              logDriver: "awslogs",
              options: { "awslogs-group": logs.group, "awslogs-region": logs.region, "awslogs-stream-prefix": logs.streamPrefix },
            },
          }
        : {}),
      ...(container.readonlyRootFilesystem ? { readonlyRootFilesystem: true } : {}),
      ...(mounts.length
        ? { mountPoints: mounts.map(({ volume, path }) => ({ sourceVolume: volume, containerPath: path, readOnly: false })) }
        : {}),
      ...(healthCheck ? { healthCheck: { ...healthCheck, command: [...healthCheck.command] } } : {}),
      ...(container.stopTimeout !== undefined ? { stopTimeout: container.stopTimeout } : {}),
      ...(container.initProcess ? { linuxParameters: { initProcessEnabled: true } } : {}),
    },
  ]);
}

/** A task definition volume's name for a writable path: `/var/cache/nginx` gives `var-cache-nginx`. */
export function volumeName(path: string): string {
  return path.replace(/^\/+|\/+$/g, "").replace(/[^A-Za-z0-9_-]+/g, "-") || "root";
}
