import { spawnSync } from "node:child_process";

/** A resource in `terraform show -json`'s state. */
interface StateResource {
  readonly address: string;
  readonly type: string;
  readonly values?: Record<string, unknown>;
}

interface StateModule {
  readonly resources?: readonly StateResource[];
  readonly child_modules?: readonly StateModule[];
}

/** The task definitions Terraform's state holds, by address: the ARN each service was given. */
export function taskDefinitionsInState(shown: { values?: { root_module?: StateModule } }): Map<string, string> {
  const found = new Map<string, string>();
  const visit = (module: StateModule | undefined) => {
    for (const resource of module?.resources ?? []) {
      if (resource.type === "aws_ecs_task_definition" && typeof resource.values?.arn === "string") {
        found.set(resource.address, resource.values.arn);
      }
    }
    for (const child of module?.child_modules ?? []) visit(child);
  };
  visit(shown.values?.root_module);
  return found;
}

/** Runs `terraform show -json` in a stack's folder and reads the task definitions of its state. */
export function deployedTaskDefinitions(stackDir: string, env: NodeJS.ProcessEnv): Map<string, string> {
  const shown = spawnSync("terraform", ["show", "-json", "-no-color"], {
    cwd: stackDir,
    env,
    encoding: "utf8",
    maxBuffer: 256 * 1024 * 1024,
  });
  if (shown.status !== 0) throw new Error(`terraform show -json in ${stackDir} exited ${shown.status}: ${shown.stderr}`);
  return taskDefinitionsInState(JSON.parse(shown.stdout));
}
