import type { TerraformResourceLifecycle } from "cdktf";

/**
 * The lifecycle of a resource AWS lets exist twice for a moment (a security group rule, a subnet of
 * another CIDR, a target group of another name): with safe replacements, Terraform creates the new
 * one and moves what uses it before it destroys the old one, instead of the other way round.
 */
export function createFirst(safeReplacements: boolean | undefined): TerraformResourceLifecycle | undefined {
  return safeReplacements ? { createBeforeDestroy: true } : undefined;
}
