import { Annotations, type App } from "cdktf";
import { WebServiceStack } from "../constructs/web-service-stack";
import { SettingsError } from "../settings/problems";
import { checkAcrossStacks } from "./cross-environment";
import { loadEnvironments } from "./environments";

/** Environment files are read from here unless CONFIG_DIR names another folder. */
export const DEFAULT_CONFIG_DIR = "config";

/**
 * A stack made from an environment file. cdktf resolves every element of every stack once before
 * synthesizing, only to find references to other stacks (a third of a stack's synth time); an
 * environment file cannot make one, so that pass is skipped.
 */
class EnvironmentStack extends WebServiceStack {
  override prepareStack(): void {
    this.ensureBackendExists();
  }
}

/**
 * Adds one stack per environment file to an app: what `main.ts` synthesizes and what the tools
 * deploy. Every file is validated, and the environments against each other (names and state they
 * would fight over in AWS), before anything is written, so a problem leaves no partial output.
 * Quotas the environments exceed together become warnings on their stacks.
 */
export function defineStacks(app: App, configDir = process.env.CONFIG_DIR ?? DEFAULT_CONFIG_DIR): WebServiceStack[] {
  const environments = loadEnvironments(configDir);
  const stacks = environments.map((environment) => new EnvironmentStack(app, environment.name, environment.settings));
  const { problems, warnings } = checkAcrossStacks(stacks.map((stack, index) => ({ stack, source: environments[index].file })));
  if (problems.length) throw new SettingsError(problems);
  for (const { message, stacks: concerned } of warnings) {
    for (const stack of concerned) Annotations.of(stack).addWarning(message);
  }
  return stacks;
}
