import type { PolicyReport } from "./policy-checks";
import { POLICY_RULES } from "./rules";
import type { PolicyResult } from "./run-policy-checks";

/** What a finding does to the synth: stops it, is printed, is only reported, or is accepted. */
export function statusOf(result: PolicyResult, report: PolicyReport): string {
  if (result.suppression) return `suppressed: ${result.suppression.reason}`;
  if (!report.enforce) return report.reportedAs ? `reported: ${report.reportedAs}` : "reported";
  return result.rule.severity === "error" ? "refused" : "warning";
}

const cell = (text: string) => text.replaceAll("|", "\\|");

/** A stack's findings as a Markdown table, in the rules' order, then the rules it passes. */
export function formatReport(stack: string, report: PolicyReport): string {
  const failed = new Set(report.results.map((result) => result.rule.id));
  const passed = POLICY_RULES.filter((rule) => !failed.has(rule.id)).map((rule) => rule.id);
  const refused = report.results.filter((result) => statusOf(result, report) === "refused").length;
  const heading = `${stack}: ${report.results.length} findings${refused ? `, ${refused} refusing the synth` : ""}, ${passed.length} of ${POLICY_RULES.length} rules passed`;
  const rows = report.results.map(
    (result) =>
      `| ${result.rule.id} | ${result.rule.severity} | \`${result.address}\` | ${cell(statusOf(result, report))} | ${cell(result.problem)} |`,
  );
  const table = rows.length ? ["| Rule | Severity | Resource | Status | Finding |", "| --- | --- | --- | --- | --- |", ...rows] : [];
  return [heading, "", ...table, ...(rows.length ? [""] : []), `Passed: ${passed.join(", ") || "none"}`].join("\n");
}
