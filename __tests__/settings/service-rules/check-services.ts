import { prepareSettings } from "../../../src/settings/resolve-settings";
import type { ServicesRule } from "../../../src/settings/service-rules/rule";
import type { FargateWebServiceProps } from "../../../src/settings/settings";

/** The messages one rule gives for these services (defaults applied), as `services.<id>.<field>: …`. */
export function servicesMessages(rule: ServicesRule, services: Record<string, FargateWebServiceProps>): string[] {
  const attached = Object.entries(services).map(([id, props]) => ({
    label: `services.${id}`,
    settings: prepareSettings(props, "ap-northeast-1").resolved,
  }));
  return rule
    .check(attached)
    .map(
      ({ service, path, rule: text, value }) =>
        `${attached[service].label}${path ? `.${path}` : ""}: ${text}; received ${JSON.stringify(value)}`,
    );
}

/** Services that keep the rule, and services that break it (each with the start of one message it must give). */
export interface ServicesRuleCases {
  readonly passing: readonly Record<string, FargateWebServiceProps>[];
  readonly failing: readonly (readonly [Record<string, FargateWebServiceProps>, string])[];
}

/** GIVEN services that keep the rule and services that break it, WHEN checked, THEN only the breaking ones get its message. */
export function describeServicesRule(rule: ServicesRule, { passing, failing }: ServicesRuleCases): void {
  const label = (services: Record<string, FargateWebServiceProps>) => JSON.stringify(services).slice(0, 120);
  describe(rule.summary, () => {
    it.each(passing.map((services) => [label(services), services] as const))("accepts %s", (_, services) => {
      expect(servicesMessages(rule, services)).toEqual([]);
    });
    it.each(failing.map(([services, message]) => [label(services), services, message] as const))("rejects %s", (_, services, message) => {
      expect(servicesMessages(rule, services)).toContainEqual(expect.stringContaining(message));
    });
  });
}
