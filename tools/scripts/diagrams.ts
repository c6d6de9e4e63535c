import { instance } from "@viz-js/viz";
import { architectureOf } from "../../src/diagram/architecture";
import { toDot, toMermaid } from "../../src/diagram/render";
import { shippedDeployments, terraformOfEach } from "./synthesized-environments";

/** The environments whose Mermaid the README shows. */
export const README_DIAGRAMS: readonly string[] = ["handson", "production"];

/** Each whole environment (not the chapters that share a state) as Mermaid and as SVG. */
export async function renderDiagrams(): Promise<{ name: string; mermaid: string; svg: string }[]> {
  const viz = await instance();
  return terraformOfEach(shippedDeployments().map(({ name, settings }) => [name, settings] as const)).map(({ name, json, region }) => {
    const architecture = architectureOf(name, json, region);
    return { name, mermaid: toMermaid(architecture), svg: viz.renderString(toDot(architecture), { format: "svg" }) };
  });
}
