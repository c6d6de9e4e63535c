import type { StackResources } from "../terraform/terraform-json";

/** An error stops the synth (unless the checks only report); a warning is printed. */
export type PolicySeverity = "error" | "warning";

/** What a rule found wrong with one resource. */
export interface PolicyFinding {
  /** The resource's Terraform address, `aws_lb.main`. */
  readonly address: string;
  /** What is wrong, with the value that is. */
  readonly problem: string;
}

/** Ids of the same check in the tools reviewers already know, where one exists. */
export interface EquivalentChecks {
  readonly checkov?: readonly string[];
  readonly trivy?: readonly string[];
  readonly cdkNag?: readonly string[];
}

/**
 * A security or operations rule over the provider's resources of a whole stack, so that it also
 * judges resources added by hand next to the constructs.
 */
export interface PolicyRule {
  /** Our id, such as `LB-HTTPS`: the rule's file name in src/checks/rules/, upper case. */
  readonly id: string;
  readonly severity: PolicySeverity;
  /** The risk, in one sentence. */
  readonly risk: string;
  /** How to comply with this project's settings, in one sentence. */
  readonly fix: string;
  readonly equivalents: EquivalentChecks;
  check(stack: StackResources): PolicyFinding[];
}
