import { EcsTaskDefinition } from "@cdktf/provider-aws/lib/ecs-task-definition";
import type { Construct } from "constructs";
import { type ContainerInput, containerDefinitions, volumeName } from "../aws/container-definitions";
import type { CpuArchitecture } from "../settings/settings";
import { createFirst } from "./replacement";

/** Properties of {@link fargateTaskDefinition}. */
export interface FargateTaskDefinitionProps {
  /** The task family. */
  readonly family: string;
  /** CPU units of the task. */
  readonly cpu: number;
  /** Memory of the task, in MiB. */
  readonly memory: number;
  /** The role ECS pulls the image and writes the logs with. @default - none */
  readonly executionRoleArn?: string;
  /** The role the container calls AWS with. @default - none */
  readonly taskRoleArn?: string;
  /** CPU architecture of the task. @default - not written (X86_64) */
  readonly cpuArchitecture?: CpuArchitecture;
  /** Paths mounted as writable scratch volumes, each a volume of its own. @default [] */
  readonly writablePaths?: readonly string[];
  /** A replacement creates the new revision before the old goes. @default false */
  readonly safeReplacements?: boolean;
  /** Reads the family's latest revision, which releases register. @default false */
  readonly trackLatestRevision?: boolean;
  /** The one container, without its mounts (the writable paths give them). */
  readonly container: Omit<ContainerInput, "mounts">;
}

/**
 * A Fargate task definition of one container, as the services and the jobs run it, created in
 * `scope` as `task` (the tutorial's construct id).
 */
export function fargateTaskDefinition(scope: Construct, props: FargateTaskDefinitionProps): EcsTaskDefinition {
  const mounts = (props.writablePaths ?? []).map((path) => ({ volume: volumeName(path), path }));
  return new EcsTaskDefinition(scope, "task", {
    family: props.family,
    requiresCompatibilities: ["FARGATE"],
    cpu: String(props.cpu),
    memory: String(props.memory),
    networkMode: "awsvpc",
    executionRoleArn: props.executionRoleArn,
    taskRoleArn: props.taskRoleArn,
    runtimePlatform: props.cpuArchitecture ? { operatingSystemFamily: "LINUX", cpuArchitecture: props.cpuArchitecture } : undefined,
    volume: mounts.length ? mounts.map(({ volume }) => ({ name: volume })) : undefined,
    lifecycle: createFirst(props.safeReplacements),
    trackLatest: props.trackLatestRevision || undefined,
    containerDefinitions: containerDefinitions({ ...props.container, mounts }),
  });
}
