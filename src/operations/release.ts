import { DescribeImagesCommand } from "@aws-sdk/client-ecr";
import {
  DeregisterTaskDefinitionCommand,
  DescribeTaskDefinitionCommand,
  RegisterTaskDefinitionCommand,
  type RegisterTaskDefinitionCommandInput,
  UpdateServiceCommand,
} from "@aws-sdk/client-ecs";
import { GetParameterHistoryCommand, PutParameterCommand } from "@aws-sdk/client-ssm";
import type { OperationsClients } from "./aws-clients";
import { ecrImage } from "./ecr-image";
import { EXIT_CODES, revisionOf, rolloutReport } from "./report";
import { type Assessment, causesOf, followRollout, type RolloutResult, snapshotOf } from "./rollout";
import type { StackBackend, StackService } from "./stack-services";
import { acquireStateLock } from "./state-lock";

/** What to release, and how long to wait for it. */
export interface ReleaseRequest {
  /** The image to deploy; or, with `toPrevious`, none: the image released before the current one. */
  readonly image?: string;
  readonly toPrevious?: boolean;
  readonly timeoutSeconds: number;
  readonly pollSeconds: number;
  readonly lockTimeoutSeconds: number;
}

/** Where the release writes what it does: progress to one stream, the verdict to the other. */
export interface ReleaseOutput {
  /** A line of the log, or a progress line that replaces the last one on a terminal. */
  progress(line: string): void;
  log(line: string): void;
  error(line: string): void;
}

/** The service's images, from its parameter's history: the current one and the one before it. */
export async function releasedImages(aws: OperationsClients, parameter: string): Promise<{ current?: string; previous?: string }> {
  const values: string[] = [];
  let NextToken: string | undefined;
  do {
    const page = await aws.ssm.send(new GetParameterHistoryCommand({ Name: parameter, NextToken }));
    values.push(...(page.Parameters ?? []).sort((a, b) => (a.Version ?? 0) - (b.Version ?? 0)).map((version) => version.Value ?? ""));
    NextToken = page.NextToken;
  } while (NextToken);
  const current = values.at(-1);
  const previous = values
    .slice(0, -1)
    .reverse()
    .find((value) => value !== current);
  return { current, previous };
}

/**
 * `npm run release`: deploys a new image of a service whose images releases own, without
 * Terraform, and says whether it serves. Under the stack's state lock it registers a revision of
 * the service's task definition equal to the running one but for the image, moves the service to
 * it and follows the rollout. Once the new revision serves (its deployment completed, every task
 * running, every target healthy) the image is recorded in the service's parameter, which every
 * later `terraform apply` keeps, and the revision before is deregistered. Otherwise the service is
 * left as it was (ECS's rollback, or the release's own), the new revision deregistered, the
 * parameter untouched: Terraform never sees a failed release. Returns the exit code.
 */
export async function releaseImage(
  aws: OperationsClients,
  target: StackService & { readonly imageParameter: string },
  backend: StackBackend,
  stackDir: string,
  request: ReleaseRequest,
  out: ReleaseOutput,
): Promise<number> {
  const name = target.serviceName;
  const images = await releasedImages(aws, target.imageParameter);
  const image = request.toPrevious ? images.previous : request.image;
  if (!image) {
    out.error(`${name}: --to-previous: no image was released before ${images.current ?? "the first one"}; nothing to go back to`);
    return EXIT_CODES.usage;
  }
  const missing = await missingEcrImage(aws, image);
  if (missing) {
    out.error(`${name}: ${missing}`);
    return EXIT_CODES.usage;
  }
  const lock = await acquireStateLock(backend, aws.s3, {
    operation: `npm run release (${name} → ${image})`,
    timeoutSeconds: request.lockTimeoutSeconds,
    stackDir,
  });
  try {
    const before = await snapshotOf(aws, target);
    const running = before.service.deployments ?? [];
    if (running.length > 1) {
      out.error(
        `${name}: another deployment is still rolling out (${running.map((d) => `${d.id} ${d.rolloutState ?? d.status}`).join(", ")}); release once it is done`,
      );
      return EXIT_CODES.notServing;
    }
    const previousArn = before.service.taskDefinition!;
    const { taskDefinition: current, tags } = await aws.ecs.send(
      new DescribeTaskDefinitionCommand({ taskDefinition: previousArn, include: ["TAGS"] }),
    );
    if (!current?.containerDefinitions?.some((container) => container.name === target.containerName)) {
      out.error(`${name}: its task definition ${revisionOf(previousArn)} has no container ${target.containerName}`);
      return EXIT_CODES.usage;
    }
    const input: RegisterTaskDefinitionCommandInput = {
      family: current.family,
      taskRoleArn: current.taskRoleArn,
      executionRoleArn: current.executionRoleArn,
      networkMode: current.networkMode,
      containerDefinitions: current.containerDefinitions.map((container) =>
        container.name === target.containerName ? { ...container, image } : container,
      ),
      volumes: current.volumes,
      placementConstraints: current.placementConstraints,
      requiresCompatibilities: current.requiresCompatibilities,
      cpu: current.cpu,
      memory: current.memory,
      pidMode: current.pidMode,
      ipcMode: current.ipcMode,
      proxyConfiguration: current.proxyConfiguration,
      ephemeralStorage: current.ephemeralStorage,
      runtimePlatform: current.runtimePlatform,
      // Terraform reads the revision back with its tags: without them, the next plan would add them.
      tags: tags?.length ? tags : undefined,
    };
    const { taskDefinition: registered } = await aws.ecs.send(new RegisterTaskDefinitionCommand(input));
    const releasedArn = registered!.taskDefinitionArn!;
    out.log(`${name}: registered ${revisionOf(releasedArn)} (${image}), the copy of ${revisionOf(previousArn)} with the new image`);
    const { service: updated } = await aws.ecs.send(
      new UpdateServiceCommand({ cluster: target.clusterName, service: name, taskDefinition: releasedArn }),
    );
    out.log(`${name}: rolling out ${revisionOf(releasedArn)}`);
    const result = await followRollout(aws, target, releasedArn, {
      timeoutSeconds: request.timeoutSeconds,
      pollSeconds: request.pollSeconds,
      // ECS answers with the deployment it started: once it is gone, it was rolled back.
      deployedAlready: updated?.deployments?.some((deployment) => deployment.taskDefinition === releasedArn),
      onPoll: (assessment, seconds) => out.progress(progressLine(name, assessment, seconds)),
    });
    if (result.outcome === "serving") {
      await aws.ssm.send(new PutParameterCommand({ Name: target.imageParameter, Value: image, Type: "String", Overwrite: true }));
      await aws.ecs.send(new DeregisterTaskDefinitionCommand({ taskDefinition: previousArn }));
      out.log(rolloutReport(name, result, { taskDefinitionArn: releasedArn, image }, [], request.timeoutSeconds));
      return EXIT_CODES.serving;
    }
    const causes = await causesOf(aws, target, result, releasedArn);
    causes.push(...(await putBack(aws, target, result, previousArn, request, out)));
    await aws.ecs.send(new DeregisterTaskDefinitionCommand({ taskDefinition: releasedArn }));
    out.error(rolloutReport(name, result, { taskDefinitionArn: releasedArn, image }, causes, request.timeoutSeconds));
    return EXIT_CODES.notServing;
  } finally {
    await lock.release();
  }
}

/** After a release that does not serve, the revision before it runs again: ECS's rollback, or the release's own. */
async function putBack(
  aws: OperationsClients,
  target: StackService,
  result: RolloutResult,
  previousArn: string,
  request: ReleaseRequest,
  out: ReleaseOutput,
): Promise<string[]> {
  if (result.outcome === "rolled-back" && result.assessment.primaryTaskDefinition === previousArn) {
    return [`ECS put ${revisionOf(previousArn)} back.`];
  }
  out.log(`${target.serviceName}: putting ${revisionOf(previousArn)} back`);
  await aws.ecs.send(new UpdateServiceCommand({ cluster: target.clusterName, service: target.serviceName, taskDefinition: previousArn }));
  const back = await followRollout(aws, target, previousArn, { timeoutSeconds: request.timeoutSeconds, pollSeconds: request.pollSeconds });
  return [
    back.outcome === "serving"
      ? `the release put ${revisionOf(previousArn)} back: it serves again.`
      : `the release put ${revisionOf(previousArn)} back, which does not serve either (${back.assessment.state}): look at the service now.`,
  ];
}

/** One line of progress: the deployment's state, its tasks and targets, the time so far. */
export function progressLine(name: string, a: Assessment, seconds: number): string {
  return `${name}: ${a.state}, ${a.running}/${a.desired} tasks running, ${a.healthyTargets} healthy and ${a.unhealthyTargets} unhealthy targets (${seconds} s)`;
}

/**
 * Why an ECR image cannot be released, if it cannot: it does not exist, which would otherwise be a
 * rollout whose tasks fail to pull it. Images of other registries are not checked, nor an ECR
 * image this identity may not describe.
 */
async function missingEcrImage(aws: OperationsClients, image: string): Promise<string | undefined> {
  const parsed = ecrImage(image);
  if (!parsed) return undefined;
  try {
    await aws.ecr.send(
      new DescribeImagesCommand({
        registryId: parsed.registryId,
        repositoryName: parsed.repository,
        imageIds: [parsed.digest ? { imageDigest: parsed.digest } : { imageTag: parsed.tag }],
      }),
    );
    return undefined;
  } catch (error) {
    const code = (error as { name?: string }).name;
    if (code === "ImageNotFoundException" || code === "RepositoryNotFoundException") {
      return `--image: must exist in ECR; ${code === "ImageNotFoundException" ? `repository ${parsed.repository} has no image ${parsed.digest ?? parsed.tag}` : `there is no repository ${parsed.repository}`}; received ${image}`;
    }
    return undefined;
  }
}
