import { constructSource, describeProblem } from "../../../src/settings/problems";
import { prepareSettings } from "../../../src/settings/resolve-settings";
import type { SettingsRule } from "../../../src/settings/rules/rule";
import type { FargateWebServiceProps } from "../../../src/settings/settings";

/** The messages one rule gives for these props (defaults applied), as `app/web.<field>: …`. */
export function ruleMessages(
  rule: SettingsRule,
  props: FargateWebServiceProps,
  { region }: { region?: string } = { region: "ap-northeast-1" },
): string[] {
  const { resolved, context } = prepareSettings(props, region);
  return rule.check(resolved, context).map((problem) => describeProblem(constructSource("app/web"), problem));
}

/** Props that keep the rule, and props that break it (each with the start of one message it must give). */
export interface RuleCases {
  readonly passing: readonly FargateWebServiceProps[];
  readonly failing: readonly (readonly [FargateWebServiceProps, string])[];
}

const label = (props: FargateWebServiceProps) => JSON.stringify(props).slice(0, 100);

/** GIVEN props that keep the rule and props that break it, WHEN checked, THEN only the breaking ones get its message. */
export function describeRule(rule: SettingsRule, { passing, failing }: RuleCases): void {
  describe(rule.summary, () => {
    it.each(passing.map((props) => [label(props), props] as const))("accepts %s", (_, props) => {
      expect(ruleMessages(rule, props)).toEqual([]);
    });
    it.each(failing.map(([props, message]) => [label(props), props, message] as const))("rejects %s", (_, props, message) => {
      expect(ruleMessages(rule, props)).toContainEqual(expect.stringContaining(message));
    });
  });
}
