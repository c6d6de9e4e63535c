import { RELEASED_IMAGE_PARAMETER } from "../aws/released-image-parameter";
import { type ChangeKind, changedAttributes, changeKind, replacePaths, type ShownPlan } from "./plan";
import { type Effect, effectOf, type Severity } from "./resource-effects";

/** One resource's change and what it means for the running service. */
export interface Impact extends Effect {
  readonly address: string;
  readonly kind: ChangeKind;
  /** Top-level attributes that change. */
  readonly changed: readonly string[];
  /** Attributes whose change forces the replacement. */
  readonly because: readonly string[];
}

/** A plan explained: Terraform's counts, and each change's impact, worst first. */
export interface PlanImpact {
  readonly add: number;
  readonly change: number;
  readonly destroy: number;
  readonly impacts: readonly Impact[];
  /** Resources changed outside Terraform since the last apply in ways this plan depends on. */
  readonly drifted: readonly string[];
  /** The images releases deployed (`imageDeployedBy: "release"`), which the apply keeps: by service. */
  readonly releasedImages: readonly { readonly service: string; readonly image: string }[];
}

export const SEVERITIES: readonly Severity[] = ["breaks", "interrupts", "restarts", "none"];

/** Explains the changes of a plan (`terraform show -json <plan>`) in the running service's terms. */
export function explainPlan(plan: ShownPlan): PlanImpact {
  const impacts: Impact[] = [];
  let [add, change, destroy] = [0, 0, 0];
  for (const resource of plan.resource_changes ?? []) {
    if (resource.mode !== "managed") continue;
    const kind = changeKind(resource.change.actions);
    if (!kind) continue;
    if (kind === "create" || kind.startsWith("replace")) add++;
    if (kind === "delete" || kind.startsWith("replace")) destroy++;
    if (kind === "update") change++;
    const changed = kind === "update" || kind.startsWith("replace") ? changedAttributes(resource.change) : [];
    const effect = effectOf(resource.type, {
      kind,
      before: resource.change.before ?? {},
      after: resource.change.after ?? {},
      changed,
    });
    impacts.push({ address: resource.address, kind, changed, because: replacePaths(resource.change), ...effect });
  }
  impacts.sort((a, b) => SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity) || a.address.localeCompare(b.address));
  // Terraform reports every refreshed attribute as drift (tags filled in, routes listed); like its
  // own output, tell only of the attributes the plan depends on.
  const relevant = new Set((plan.relevant_attributes ?? []).map(({ resource, attribute }) => `${resource} ${attribute[0]}`));
  const drifted = (plan.resource_drift ?? [])
    .filter((resource) => resource.mode === "managed")
    .filter((resource) => changedAttributes(resource.change).some((attribute) => relevant.has(`${resource.address} ${attribute}`)))
    .map((resource) => resource.address);
  return { add, change, destroy, impacts, drifted, releasedImages: releasedImagesIn(plan) };
}

/** Whether any change is at least as severe as `threshold`. */
export function reaches(impact: PlanImpact, threshold: Severity): boolean {
  return impact.impacts.some((change) => SEVERITIES.indexOf(change.severity) <= SEVERITIES.indexOf(threshold));
}

/** The image parameters of services whose images releases deploy, with the image each holds as the plan reads it. */
function releasedImagesIn(plan: ShownPlan): PlanImpact["releasedImages"] {
  return (plan.resource_changes ?? [])
    .filter((resource) => resource.type === "aws_ssm_parameter")
    .flatMap((resource) => {
      const values = resource.change.after ?? resource.change.before ?? {};
      const service = RELEASED_IMAGE_PARAMETER.exec(String(values.name ?? ""))?.[1];
      return service && typeof values.insecure_value === "string" ? [{ service, image: values.insecure_value }] : [];
    });
}
