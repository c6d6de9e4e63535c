// `npm run cost -- [<env> …] [--json] [--compare <before.json>] [--requests N] [--log-gb N] [--nat-gb N] [--flow-log-gb N] [--queue-requests N]`:
// the monthly and hourly cost of each environment (all by default) in its region, computed from its
// synthesized Terraform, line by line, with what it assumes, and the cost of each stage of a deployment
// built chapter by chapter (the hands-on's); with --compare, what changed against
// the estimates `--json` wrote before (a pull request's base), as Markdown.
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { DEFAULT_CONFIG_DIR } from "../../src/app/define-stacks";
import { loadEnvironments } from "../../src/app/environments";
import { chapterCosts } from "../../src/cost/chapter-costs";
import { compareCosts } from "../../src/cost/compare-cost";
import { estimateCost, NO_USAGE, type Usage } from "../../src/cost/estimate-cost";
import { describeAssumptions, formatChapterCosts, formatCost } from "../../src/cost/format-cost";
import { expectedRunMinutes } from "../../src/cost/job-run-minutes";
import { synthesizedEnvironments } from "./synthesized-environments";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    json: { type: "boolean", default: false },
    compare: { type: "string" },
    requests: { type: "string" },
    "log-gb": { type: "string" },
    "nat-gb": { type: "string" },
    "flow-log-gb": { type: "string" },
    "queue-requests": { type: "string" },
  },
});

function figure(flag: "requests" | "log-gb" | "nat-gb" | "flow-log-gb" | "queue-requests", fallback: number): number {
  const given = values[flag];
  if (given === undefined) return fallback;
  const value = Number(given);
  if (!Number.isFinite(value) || value < 0) {
    console.error(`cost: --${flag}: must be a number of at least 0; received ${JSON.stringify(given)}`);
    process.exit(1);
  }
  return value;
}

const usage: Usage = {
  requestsPerMonth: figure("requests", NO_USAGE.requestsPerMonth),
  logGbPerMonth: figure("log-gb", NO_USAGE.logGbPerMonth),
  natGbPerMonth: figure("nat-gb", NO_USAGE.natGbPerMonth),
  flowLogGbPerMonth: figure("flow-log-gb", NO_USAGE.flowLogGbPerMonth),
  queueRequestsPerMonth: figure("queue-requests", 0),
};

const environments = synthesizedEnvironments(positionals, "cost");
for (const { name, written } of environments) {
  if (!written) console.error(`cost: ${name}: refused by the policy checks (npm run check), not priced`);
}
const files = loadEnvironments(process.env.CONFIG_DIR ?? DEFAULT_CONFIG_DIR);
const estimates = Object.fromEntries(
  environments.flatMap(({ name, written }) => {
    const settings = files.find((file) => file.name === name)?.settings;
    const jobRunMinutes = settings ? expectedRunMinutes(settings) : {};
    return written ? [[name, estimateCost(written.json, written.region, { ...usage, jobRunMinutes })]] : [];
  }),
);
if (values.json) {
  console.log(JSON.stringify(estimates, null, 2));
} else if (values.compare) {
  console.log(compareCosts(JSON.parse(readFileSync(values.compare, "utf8")), estimates));
} else {
  for (const [name, estimate] of Object.entries(estimates)) console.log(`${formatCost(name, estimate)}\n`);
  const priced = files.flatMap(({ name, settings }) => (estimates[name] ? [{ name, settings, monthly: estimates[name].monthly }] : []));
  for (const [deployment, stages] of chapterCosts(priced)) console.log(`${formatChapterCosts(deployment, stages)}\n`);
  console.log(describeAssumptions(usage));
}
