import type { Impact, PlanImpact } from "./explain-plan";
import { SEVERITIES } from "./explain-plan";
import type { Severity } from "./resource-effects";

const HEADINGS: Record<Severity, string> = {
  breaks: "Breaks what depends on it, or deletes data",
  interrupts: "Interrupts the service for a while",
  restarts: "Replaces the running tasks, without interruption",
  none: "No interruption",
};

const KIND_TEXT: Record<Impact["kind"], string> = {
  create: "created",
  update: "updated in place",
  delete: "destroyed",
  "replace-destroy-first": "replaced, the old one destroyed first",
  "replace-create-first": "replaced, the new one created first",
};

/** The plan's impact as text: a summary line, then each change under its severity, worst first. */
export function formatImpact(stack: string, impact: PlanImpact): string {
  const lines = [`${stack}: ${impact.add} to add, ${impact.change} to change, ${impact.destroy} to destroy.`];
  if (!impact.impacts.length) lines.push("No changes: applying changes nothing in AWS.");
  for (const severity of SEVERITIES) {
    const changes = impact.impacts.filter((change) => change.severity === severity);
    if (!changes.length) continue;
    lines.push("", `${HEADINGS[severity]}:`);
    for (const change of changes) {
      const reason = change.because.length ? ` because ${change.because.join(", ")} changes` : "";
      lines.push(`  ${change.address}: ${KIND_TEXT[change.kind]}${reason}.`, `    ${change.text}`);
    }
  }
  if (impact.releasedImages.length) {
    lines.push(
      "",
      "Images deployed by releases (npm run release), which this apply keeps; the file's image is only the first one:",
      ...impact.releasedImages.map(({ service, image }) => `  ${service}: ${image}`),
    );
  }
  if (impact.drifted.length) {
    lines.push("", `Changed outside Terraform since the last apply: ${impact.drifted.join(", ")}.`);
  }
  return lines.join("\n");
}
