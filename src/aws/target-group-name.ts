import { createHash } from "node:crypto";
import type { ResolvedServiceSettings } from "../settings/resolved-settings";
import { TUTORIAL } from "../settings/tutorial";

/** AWS's limit on a target group's name. */
const MAX_LENGTH = 32;

/**
 * The name of a service's target group when replacements create the new one first. A target
 * group's port and VPC cannot change in place, and AWS keeps its name unique per account and
 * region: the replacement needs a name of its own while the old one still serves, so the name
 * carries a suffix of both. With the tutorial's port and VPC it is the service's name, so that a
 * stack can return to the tutorial's target group the new one first too.
 */
export function targetGroupName(name: string, port: number, vpcCidr: string): string {
  if (port === TUTORIAL.containerPort && vpcCidr === TUTORIAL.vpcCidr) return name;
  const suffix = createHash("sha256").update(`${port} ${vpcCidr}`).digest("hex").slice(0, 6);
  return `${name.slice(0, MAX_LENGTH - suffix.length - 1)}-${suffix}`;
}

/**
 * The name a service's target group gets: its own name, or under `safeChanges` that name with the
 * suffix of its port and VPC (the existing VPC's ID, or the CIDR of the stack's own).
 */
export function serviceTargetGroupName(s: ResolvedServiceSettings): string {
  return s.safeChanges ? targetGroupName(s.name, s.containerPort, s.existing.vpc?.vpcId ?? s.vpcCidr) : s.name;
}
