import { instance, type Viz } from "@viz-js/viz";
import { type Architecture, architectureOf } from "../../src/diagram/architecture";
import { allGroups, DOT_ATTEMPTS, toDot, toMermaid, withFontFallbacks, zonesTopToBottom } from "../../src/diagram/render";
import { shippedDeployments, terraformOfEach } from "./synthesized-environments";

/** The environments whose Mermaid the README shows. */
export const README_DIAGRAMS: readonly string[] = ["handson", "production"];

/** An environment drawn: the graph read from its Terraform, as Mermaid, as DOT and as the SVG Graphviz lays out. */
export interface Diagram {
  readonly name: string;
  readonly architecture: Architecture;
  readonly mermaid: string;
  readonly dot: string;
  readonly svg: string;
}

/** Each whole environment (not the chapters that share a state) as Mermaid and as SVG. */
export async function renderDiagrams(): Promise<Diagram[]> {
  const viz = await instance();
  return terraformOfEach(shippedDeployments().map(({ name, settings }) => [name, settings] as const)).map(({ name, json, region }) => {
    const architecture = architectureOf(name, json, region);
    return { name, architecture, mermaid: toMermaid(architecture), ...layOut(viz, architecture) };
  });
}

/**
 * The architecture laid out by Graphviz, its zones reading a, c, d from the top: the first of toDot's
 * attempts that does (Graphviz has no constraint for the order of boxes), else the first attempt.
 */
function layOut(viz: Viz, architecture: Architecture): { dot: string; svg: string } {
  const zones = allGroups(architecture.region)
    .filter((group) => group.kind === "zone")
    .map((group) => group.label);
  let first: { dot: string; svg: string } | undefined;
  const tried = new Set<string>();
  for (let attempt = 0; attempt < DOT_ATTEMPTS; attempt++) {
    const dot = toDot(architecture, attempt);
    if (tried.has(dot)) continue;
    tried.add(dot);
    const laidOut = { dot, svg: withFontFallbacks(viz.renderString(dot, { format: "svg" })) };
    first ??= laidOut;
    if (zonesTopToBottom(laidOut.svg).join() === zones.join()) return laidOut;
  }
  return first!;
}
