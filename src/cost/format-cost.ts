import type { TerraformJson } from "../terraform/terraform-json";
import type { ChapterCost } from "./chapter-costs";
import { type CostEstimate, estimateCost, type Usage } from "./estimate-cost";
import { HOURS_PER_MONTH, PRICES, PRICES_AS_OF } from "./prices";

// A saving (quiet hours) is a negative line: -$12.44.
const dollars = (amount: number) => `${amount < 0 ? "-" : ""}$${Math.abs(amount).toFixed(2)}`;
/** An hourly figure: a tenth of a cent matters when the whole is a quarter of a dollar. */
export const hourlyDollars = (monthly: number) => `$${(monthly / HOURS_PER_MONTH).toFixed(3)}`;

/** An environment's estimate as aligned text: the total, then each line, most expensive first. */
export function formatCost(name: string, estimate: CostEstimate): string {
  const lines = [...estimate.lines].sort((a, b) => b.monthly - a.monthly || a.address.localeCompare(b.address));
  const rows = lines.map((line) => [line.item, line.address, `${line.quantity} ${line.unit}`, dollars(line.monthly)]);
  const widths = [0, 1, 2].map((column) => Math.max(...rows.map((row) => row[column].length)));
  const text = [`${name} (${estimate.region}): ${dollars(estimate.monthly)} a month, ${hourlyDollars(estimate.monthly)} an hour`];
  for (const row of rows)
    text.push(
      `  ${row
        .slice(0, 3)
        .map((cell, column) => cell.padEnd(widths[column]))
        .join("  ")}  ${row[3].padStart(9)}`,
    );
  if (estimate.notPriced.length) text.push(`  not priced: ${estimate.notPriced.join(", ")}`);
  const { sharing } = estimate;
  if (sharing) {
    text.push(
      `  shared by its ${sharing.services} services: ${dollars(sharing.shared)} a month; one stack per service would cost ` +
        `${dollars(sharing.separately)}, ${dollars(sharing.saved)} more`,
    );
  }
  return text.join("\n");
}

/** A stack's estimate with no traffic, as printed before an apply; a region without prices says so instead of failing the apply. */
export function estimateBeforeApply(name: string, json: TerraformJson, region: string): string {
  return PRICES[region] ? formatCost(name, estimateCost(json, region)) : `${name}: no prices for ${region} in src/cost/prices.ts`;
}

/** What every estimate assumes, in a sentence. */
export function describeAssumptions(usage: Usage): string {
  return (
    `Assumed: ${HOURS_PER_MONTH} hours a month; ${usage.requestsPerMonth} requests, ${usage.logGbPerMonth} GB of logs, ` +
    `${usage.natGbPerMonth} GB through NAT, ${usage.flowLogGbPerMonth} GB of flow logs a month ` +
    `(--requests, --log-gb, --nat-gb, --flow-log-gb); ${usage.queueRequestsPerMonth ?? 0} requests to the workers' queues a month ` +
    `(--queue-requests); each job's runs as long as its schedule.expectedRunMinutes (5 unless set), as many as its schedule ` +
    `fires in a 730-hour month; Fargate Spot at 30 % of on-demand; ` +
    `AWS's public prices of ${PRICES_AS_OF} (src/cost/prices.ts), before tax, without free tiers.`
  );
}

/** A deployment built chapter by chapter: what runs once each stage is deployed, and what its chapter adds. */
export function formatChapterCosts(deployment: string, stages: readonly ChapterCost[]): string {
  const width = Math.max(...stages.map((stage) => stage.stage.length));
  return [
    `${deployment}, chapter by chapter (what runs once each stage is deployed):`,
    ...stages.map(
      (stage) =>
        `  ${stage.chapter.padEnd(5)}  ${stage.stage.padEnd(width)}  ${dollars(stage.monthly).padStart(8)} a month  ` +
        `${hourlyDollars(stage.monthly)} an hour  (the chapter adds ${dollars(stage.added)})`,
    ),
  ].join("\n");
}
