/** The part of `terraform show -json <plan>` the impact explainer reads. */
export interface ShownPlan {
  readonly format_version?: string;
  readonly resource_changes?: readonly ResourceChange[];
  /** Changes Terraform found made outside it since the last apply, computed attributes included. */
  readonly resource_drift?: readonly ResourceChange[];
  /** The drifted attributes this plan's changes depend on: the drift worth telling. */
  readonly relevant_attributes?: readonly { readonly resource: string; readonly attribute: readonly (string | number)[] }[];
}

/** One resource's planned change. */
export interface ResourceChange {
  readonly address: string;
  readonly mode: "managed" | "data";
  readonly type: string;
  readonly change: {
    readonly actions: readonly PlanAction[];
    readonly before: Record<string, unknown> | null;
    readonly after: Record<string, unknown> | null;
    /** Attributes known only after apply: `true`, or nested objects and lists of such flags. */
    readonly after_unknown?: Record<string, unknown>;
    /** The attribute paths whose change forces a replacement. */
    readonly replace_paths?: readonly (readonly (string | number)[])[];
  };
  /** Why Terraform chose the action, when it is not the plain one (`replace_because_cannot_update`, …). */
  readonly action_reason?: string;
}

export type PlanAction = "no-op" | "create" | "read" | "update" | "delete";

/** What a change does to a resource, in Terraform's terms. */
export type ChangeKind = "create" | "update" | "delete" | "replace-destroy-first" | "replace-create-first";

/** The kind of a change, or undefined for no-ops and reads. */
export function changeKind(actions: readonly PlanAction[]): ChangeKind | undefined {
  switch (actions.join(",")) {
    case "create":
      return "create";
    case "update":
      return "update";
    case "delete":
      return "delete";
    case "delete,create":
      return "replace-destroy-first";
    case "create,delete":
      return "replace-create-first";
    default:
      return undefined;
  }
}

/** Top-level attributes whose planned value differs from the current one (those known after apply included). */
export function changedAttributes(change: Omit<ResourceChange["change"], "actions">): string[] {
  const { before, after, after_unknown: unknown } = change;
  const names = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {}), ...Object.keys(unknown ?? {})]);
  return [...names]
    .filter((name) => unknown?.[name] === true || JSON.stringify(before?.[name] ?? null) !== JSON.stringify(after?.[name] ?? null))
    .sort();
}

/** The attribute paths forcing a replacement, written `health_check.port`, `network_configuration`. */
export function replacePaths(change: Pick<ResourceChange["change"], "replace_paths">): string[] {
  return [...new Set((change.replace_paths ?? []).map((path) => path.filter((step) => typeof step === "string").join(".")))].sort();
}
