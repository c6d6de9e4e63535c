import { stackOf } from "./check-policy-rule";

/** A stack with one task definition holding these containers. */
export const taskDefinitionWith = (...containers: Record<string, unknown>[]) =>
  stackOf({ aws_ecs_task_definition: { main: { container_definitions: JSON.stringify(containers) } } });
