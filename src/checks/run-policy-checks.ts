import { StackResources, type TerraformJson } from "../terraform/terraform-json";
import type { PolicyRule } from "./policy-rule";
import { POLICY_RULES } from "./rules";

/** A finding accepted on purpose, with the reason a reviewer reads. */
export interface Suppression {
  /** The rule's id, such as `LB-WAF`. */
  readonly rule: string;
  /** Why the finding is accepted. */
  readonly reason: string;
  /** The resource it is accepted for, by Terraform address; every resource of the stack when left out. */
  readonly resource?: string;
}

/** What a rule found on one resource, and the suppression that accepts it, if one does. */
export interface PolicyResult {
  readonly rule: PolicyRule;
  readonly address: string;
  readonly problem: string;
  readonly suppression?: Suppression;
}

/** Runs the rules over a stack's synthesized Terraform: every finding, in the rules' order, with its suppression. */
export function runPolicyChecks(
  json: TerraformJson,
  suppressions: readonly Suppression[] = [],
  rules: readonly PolicyRule[] = POLICY_RULES,
): PolicyResult[] {
  const stack = new StackResources(json);
  return rules.flatMap((rule) =>
    rule.check(stack).map((finding) => ({
      rule,
      ...finding,
      suppression: suppressions.find((one) => one.rule === rule.id && (one.resource === undefined || one.resource === finding.address)),
    })),
  );
}

/** The rule ids a suppression may name. */
export const POLICY_RULE_IDS: readonly string[] = POLICY_RULES.map((rule) => rule.id);
