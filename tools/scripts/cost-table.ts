import { estimateCost } from "../../src/cost/estimate-cost";
import type { EnvironmentSettings } from "../../src/settings/settings";
import { shippedDeployments, terraformOfEach } from "./synthesized-environments";

export const COST_TABLE = "cost-table";

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
