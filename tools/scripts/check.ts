// `npm run check -- [<env> …]`: the policy checks' report of each environment (all by default), as
// Markdown tables: every finding with its rule, severity, resource and status, and the rules
// passed. Exits 1 when a finding refuses a synth, as `npm run synth` would.
import { formatReport, statusOf } from "../../src/checks/format-report";
import { policyReport } from "../../src/checks/policy-checks";
import { synthesizedEnvironments } from "./synthesized-environments";

let refused = false;
for (const { name, stack } of synthesizedEnvironments(process.argv.slice(2), "check")) {
  const report = policyReport(stack);
  if (!report) continue;
  refused ||= report.results.some((result) => statusOf(result, report) === "refused");
  console.log(`${formatReport(name, report)}\n`);
}
process.exitCode = refused ? 1 : 0;
