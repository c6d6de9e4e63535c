import { Annotations, type App } from "cdktf";
import type { EnvironmentStack } from "../constructs/environment-stack";
import { TutorialChapterStack } from "../constructs/tutorial-chapter-stack";
import { WebServiceStack } from "../constructs/web-service-stack";
import { SettingsError } from "../settings/problems";
import type { EnvironmentSettings } from "../settings/settings";
import { checkAcrossStacks } from "./cross-environment";
import { type Environment, loadEnvironments } from "./environments";

/** Environment files are read from here unless CONFIG_DIR names another folder. */
export const DEFAULT_CONFIG_DIR = "config";

/**
 * Adds one stack per environment file to an app: what `main.ts` synthesizes and what the tools
 * deploy. Every file is validated, and the environments against each other (names and state they
 * would fight over in AWS), before anything is written, so a problem leaves no partial output.
 * Quotas the environments exceed together become warnings on their stacks.
 */
export function defineStacks(app: App, configDir = process.env.CONFIG_DIR ?? DEFAULT_CONFIG_DIR): EnvironmentStack[] {
  const environments = loadEnvironments(configDir);
  const settings = withSharedStates(environments, configDir);
  // Nothing in a stack made from a file refers to another stack: cdktf's pass looking for such references is skipped.
  const options = { crossStackReferences: false };
  const stacks = environments.map(({ name }, index) => {
    const own = settings[index];
    return own.lastChapter === "vpc" || own.lastChapter === "alb"
      ? new TutorialChapterStack(app, name, { ...own, lastChapter: own.lastChapter }, options)
      : new WebServiceStack(app, name, own, options);
  });
  const { problems, warnings } = checkAcrossStacks(
    stacks.map((stack, index) => ({
      stack,
      source: environments[index].file,
      deployment: settings[index].sharesStateWith ?? stack.node.id,
    })),
  );
  if (problems.length) throw new SettingsError(problems);
  for (const { message, stacks: concerned } of warnings) {
    for (const stack of concerned) Annotations.of(stack).addWarning(message);
  }
  return stacks;
}

/**
 * The settings of each environment, those sharing another one's state given its backend. The
 * shared environment must be one of the folder, with a state of its own (no chains).
 */
function withSharedStates(environments: readonly Environment[], configDir: string): EnvironmentSettings[] {
  const byName = new Map(environments.map((environment) => [environment.name, environment]));
  const problems: string[] = [];
  const settings = environments.map(({ file, name, settings: own }) => {
    const target = own.sharesStateWith;
    if (target === undefined) return own;
    const other = byName.get(target);
    if (!other || other.name === name) {
      problems.push(`${file}: sharesStateWith: must name another environment file of ${configDir}; received "${target}"`);
    } else if (other.settings.sharesStateWith !== undefined) {
      problems.push(
        `${file}: sharesStateWith: must name an environment with a state of its own; ${other.file} shares "${other.settings.sharesStateWith}"'s; received "${target}"`,
      );
    } else if (own.backend && JSON.stringify(own.backend) !== JSON.stringify(other.settings.backend)) {
      problems.push(
        `${file}: backend: must be left out, or be ${other.file}'s, whose state this environment shares; received ${JSON.stringify(own.backend)}`,
      );
    } else {
      return { ...own, backend: other.settings.backend };
    }
    return own;
  });
  if (problems.length) throw new SettingsError(problems);
  return settings;
}
