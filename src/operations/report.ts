import type { RolloutResult } from "./rollout";

/** The exit codes of `npm run release` and of the deploy check: 0 only when every service serves. */
export const EXIT_CODES = { serving: 0, notServing: 1, usage: 2 } as const;

/** `arn:aws:ecs:…:task-definition/orders-api:7` → `orders-api:7`. */
export const revisionOf = (taskDefinitionArn: string | undefined): string => taskDefinitionArn?.split("/").pop() ?? "?";

/**
 * What became of one service's deployment, in the user's terms, then why, one cause per line:
 * the same words for a release and for a deploy.
 */
export function rolloutReport(
  serviceName: string,
  result: RolloutResult,
  deployed: { readonly taskDefinitionArn: string; readonly image?: string },
  causes: readonly string[],
  timeoutSeconds: number,
): string {
  const { assessment: a, seconds } = result;
  const what = `${deployed.image ? `${deployed.image} (${revisionOf(deployed.taskDefinitionArn)})` : revisionOf(deployed.taskDefinitionArn)}`;
  const because = a.reason ? `: ${a.reason.replace(/\.$/, "")}` : "";
  const tasks = `${a.running}/${a.desired} tasks running`;
  const targets = `${a.healthyTargets} healthy target${a.healthyTargets === 1 ? "" : "s"}`;
  const headline: Record<RolloutResult["outcome"], string> = {
    serving: `${serviceName}: serving ${what}: ${tasks}, ${targets}, after ${seconds} s.`,
    "rolled-back": `${serviceName}: the deployment of ${what} was rolled back${because}; the service runs ${revisionOf(a.primaryTaskDefinition)} again.`,
    failed: `${serviceName}: the deployment of ${what} failed${because}; ${tasks}.`,
    "timed-out": `${serviceName}: the deployment of ${what} did not serve within ${timeoutSeconds} s: ${a.state}, ${tasks}, ${targets}, ${a.unhealthyTargets} unhealthy.`,
    "not-started": `${serviceName}: ECS started no deployment of ${what} within ${seconds} s.`,
  };
  const lines = [headline[result.outcome]];
  if (causes.length) lines.push("  Why:", ...causes.map((cause) => `    ${cause}`));
  return lines.join("\n");
}
