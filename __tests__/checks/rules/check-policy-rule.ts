import type { PolicyFinding, PolicyRule } from "../../../src/checks/policy-rule";
import { StackResources, type TerraformJson } from "../../../src/terraform/terraform-json";

type Resources = Record<string, Record<string, Record<string, unknown>>>;

/** A stack's Terraform with these resources (and a backend, when given). */
export const stackOf = (resource: Resources, backend?: Record<string, Record<string, unknown>>): TerraformJson => ({
  resource,
  terraform: backend ? { backend } : undefined,
});

/**
 * A rule's compliant cases (no finding) and non-compliant ones (exactly these findings), as
 * cdk-nag tests its rules.
 */
export function describePolicyRule(
  rule: PolicyRule,
  cases: { passing: Record<string, TerraformJson>; failing: Record<string, [TerraformJson, PolicyFinding[]]> },
): void {
  describe(`${rule.id} (${rule.severity})`, () => {
    it.each(Object.entries(cases.passing))("passes %s", (_, json) => {
      expect(rule.check(new StackResources(json))).toEqual([]);
    });
    it.each(Object.entries(cases.failing))("fails %s", (_, [json, findings]) => {
      expect(rule.check(new StackResources(json))).toEqual(findings);
    });
    it("says the risk and the fix in a sentence each", () => {
      for (const text of [rule.risk, rule.fix]) expect(text).toMatch(/^\S.*[.)]$/);
    });
  });
}
