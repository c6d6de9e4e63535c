import { DEFAULT_CONFIG_DIR } from "../../src/app/define-stacks";
import { loadEnvironments } from "../../src/app/environments";
import { chapterCosts } from "../../src/cost/chapter-costs";
import { estimateCost } from "../../src/cost/estimate-cost";
import { hourlyDollars } from "../../src/cost/format-cost";
import type { EnvironmentSettings } from "../../src/settings/settings";
import type { Language } from "./doc-sections";
import { shippedDeployments, synthesizedEnvironments, terraformOfEach } from "./synthesized-environments";

export const COST_TABLE = "cost-table";
export const CHAPTER_COSTS = "chapter-costs";

/** The tutorial made cheaper, one change at a time: what each saves. */
const HANDSON_VARIANTS: readonly (readonly [string, EnvironmentSettings])[] = [
  ['`handson` with one NAT gateway (`"natGateways": "single"`)', { natGateways: "single" }],
  ['`handson` without NAT gateways (`"natGateways": "none"`: tasks in the public subnets)', { natGateways: "none" }],
  [
    '`handson` on Fargate Spot (`"capacity": { "spotPercent": 100, "onDemandBase": 0 }`)',
    { capacity: { spotPercent: 100, onDemandBase: 0 } },
  ],
  ['`handson` on ARM64 (`"capacity": { "cpuArchitecture": "ARM64" }`)', { capacity: { cpuArchitecture: "ARM64" } }],
];

/** The README's table of what the shipped environments, and the tutorial's cheaper variants, cost a month with no traffic. */
export function costTable(): string {
  const shipped = shippedDeployments().map(({ name, settings }) => [`\`${name}\``, name, settings] as const);
  const variants = HANDSON_VARIANTS.map(([label, settings]) => [label, "handson", settings] as const);
  const rows = [...shipped, ...variants];
  const priced = terraformOfEach(rows.map(([, name, settings]) => [name, settings] as const));
  return [
    "| Environment | Region | A month, no traffic |",
    "| --- | --- | ---: |",
    ...priced.map(({ json, region }, index) => `| ${rows[index][0]} | ${region} | $${estimateCost(json, region).monthly.toFixed(2)} |`),
  ].join("\n");
}

const CHAPTER_COST_HEADINGS: Record<Language, string> = {
  en: "| Chapter | Stage | An hour | A month | Added by the chapter |",
  ja: "| 章 | ステージ | 1 時間あたり | 1 か月あたり | その章で増える額 |",
};

/** What the hands-on costs once each chapter is deployed, by the hour and by the month, as `npm run cost` prints it. */
export function chapterCostTable(language: Language): string {
  const stages = loadEnvironments(DEFAULT_CONFIG_DIR).filter(
    ({ name, settings }) => name === "handson" || settings.sharesStateWith === "handson",
  );
  const priced = synthesizedEnvironments(
    stages.map(({ name }) => name),
    "cost",
  ).map(({ name, written }) => {
    if (!written) throw new Error(`${name}: refused by the policy checks`);
    return {
      name,
      settings: stages.find((stage) => stage.name === name)?.settings ?? {},
      monthly: estimateCost(written.json, written.region).monthly,
    };
  });
  const rows = chapterCosts(priced).get("handson") ?? [];
  return [
    CHAPTER_COST_HEADINGS[language],
    "| --- | --- | ---: | ---: | ---: |",
    ...rows.map(
      ({ chapter, stage, monthly, added }) =>
        `| ${chapter} | \`${stage}\` | ${hourlyDollars(monthly)} | $${monthly.toFixed(2)} | +$${added.toFixed(2)} |`,
    ),
  ].join("\n");
}
