import type { Problem } from "../problems";
import type { ResolvedServiceSettings } from "../resolved-settings";
import type { EnvironmentSettings } from "../settings";

/** Tells whether the settings at these paths are known and well-formed, so a rule can use them. */
export type Usable = (...paths: string[]) => boolean;

/** What a rule knows besides the settings. */
export interface RuleContext {
  readonly usable: Usable;
  /** The stack's region, when it is known at synth time. */
  readonly region: string | undefined;
  /** The environment file's own settings, when the service's come from one (not for a construct's props). */
  readonly environment?: Pick<EnvironmentSettings, "lastChapter" | "suppressions">;
}

/**
 * A rule a JSON Schema cannot state: arithmetic, AWS's naming rules and limits, settings that
 * relate to each other. Each rule reports only about settings the schema found well-formed.
 */
export interface SettingsRule {
  /** The rule's file name in src/settings/rules/, without `.ts`. */
  readonly id: string;
  /** What the rule requires and why, in one line: the README's list of rules is made of these. */
  readonly summary: string;
  check(settings: ResolvedServiceSettings, context: RuleContext): Problem[];
}
