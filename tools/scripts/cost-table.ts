import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { App, Testing } from "cdktf";
import { loadEnvironments } from "../../src/app/environments";
import { WebServiceStack } from "../../src/constructs/web-service-stack";
import { estimateCost } from "../../src/cost/estimate-cost";
import type { EnvironmentSettings } from "../../src/settings/settings";
import { TUTORIAL } from "../../src/settings/tutorial";

export const COST_TABLE = "cost-table";
const CONFIG_DIR = join(__dirname, "..", "..", "config");

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

function monthly(outdir: string, name: string, settings: EnvironmentSettings): { region: string; monthly: number } {
  const stack = new WebServiceStack(new App({ outdir }), name, settings);
  const region = settings.region ?? TUTORIAL.region;
  return { region, monthly: estimateCost(JSON.parse(Testing.synth(stack)), region).monthly };
}

/** The README's table of what the shipped environments, and the tutorial's cheaper variants, cost a month with no traffic. */
export function costTable(): string {
  const shipped = loadEnvironments(CONFIG_DIR).filter(({ settings }) => !settings.lastChapter && !settings.sharesStateWith);
  const outdir = mkdtempSync(join(tmpdir(), "cost-"));
  const rows = (() => {
    try {
      return [
        ...shipped.map(({ name, settings }) => [`\`${name}\``, monthly(outdir, name, settings)] as const),
        ...HANDSON_VARIANTS.map(([label, settings]) => [label, monthly(outdir, "handson", settings)] as const),
      ];
    } finally {
      rmSync(outdir, { recursive: true, force: true });
    }
  })();
  return [
    "| Environment | Region | A month, no traffic |",
    "| --- | --- | ---: |",
    ...rows.map(([label, { region, monthly: dollars }]) => `| ${label} | ${region} | $${dollars.toFixed(2)} |`),
  ].join("\n");
}
