import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { instance } from "@viz-js/viz";
import { App, Testing } from "cdktf";
import { loadEnvironments } from "../../src/app/environments";
import { WebServiceStack } from "../../src/constructs/web-service-stack";
import { architectureOf } from "../../src/diagram/architecture";
import { toDot, toMermaid } from "../../src/diagram/render";
import { TUTORIAL } from "../../src/settings/tutorial";

/** The environments whose Mermaid the README shows. */
export const README_DIAGRAMS: readonly string[] = ["handson", "production"];
const CONFIG_DIR = join(__dirname, "..", "..", "config");

/** Each whole environment (not the chapters that share a state) as Mermaid and as SVG. */
export async function renderDiagrams(): Promise<{ name: string; mermaid: string; svg: string }[]> {
  const viz = await instance();
  const outdir = mkdtempSync(join(tmpdir(), "diagram-"));
  try {
    return loadEnvironments(CONFIG_DIR)
      .filter(({ settings }) => !settings.lastChapter && !settings.sharesStateWith)
      .map(({ name, settings }) => {
        const json = JSON.parse(Testing.synth(new WebServiceStack(new App({ outdir }), name, settings)));
        const architecture = architectureOf(name, json, settings.region ?? TUTORIAL.region);
        return { name, mermaid: toMermaid(architecture), svg: viz.renderString(toDot(architecture), { format: "svg" }) };
      });
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}
