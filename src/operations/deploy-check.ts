import { DescribeTaskDefinitionCommand } from "@aws-sdk/client-ecs";
import type { OperationsClients } from "./aws-clients";
import { EXIT_CODES, rolloutReport } from "./report";
import { causesOf, followRollout } from "./rollout";
import type { StackService } from "./stack-services";

/** How long the check waits, and where it writes. */
export interface DeployCheckOptions {
  readonly timeoutSeconds: number;
  readonly pollSeconds: number;
  readonly log: (line: string) => void;
  readonly error: (line: string) => void;
}

/**
 * After an apply: does every service run the task definition Terraform gave it, and serve? The
 * provider's `wait_for_steady_state` calls a service stable once ECS's circuit breaker has rolled a
 * failed deployment back — "Apply complete!" over a service running the old revision (provider
 * issue #19519) — and without it the apply returns before any task runs. This follows each
 * service's deployment of its task definition (as Terraform's state holds its ARN) to the end, as
 * `npm run release` does, and returns the same exit codes: 0 only when all serve.
 */
export async function checkDeployedServices(
  aws: OperationsClients,
  services: readonly StackService[],
  deployedTaskDefinitions: ReadonlyMap<string, string>,
  options: DeployCheckOptions,
): Promise<number> {
  let exitCode: number = EXIT_CODES.serving;
  for (const service of services) {
    const taskDefinitionArn = deployedTaskDefinitions.get(service.taskDefinitionAddress);
    if (!taskDefinitionArn) continue;
    const { taskDefinition } = await aws.ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition: taskDefinitionArn }));
    const image = taskDefinition?.containerDefinitions?.find((container) => container.name === service.containerName)?.image;
    const result = await followRollout(aws, service, taskDefinitionArn, {
      timeoutSeconds: options.timeoutSeconds,
      pollSeconds: options.pollSeconds,
      deployedAlready: true,
    });
    if (result.outcome === "serving") {
      options.log(rolloutReport(service.serviceName, result, { taskDefinitionArn, image }, [], options.timeoutSeconds));
      continue;
    }
    const causes = await causesOf(aws, service, result, taskDefinitionArn);
    options.error(rolloutReport(service.serviceName, result, { taskDefinitionArn, image }, causes, options.timeoutSeconds));
    exitCode = EXIT_CODES.notServing;
  }
  return exitCode;
}
