// `npm run diagram`: each environment drawn from its synthesized Terraform, as an SVG file
// (docs/diagrams/<env>.svg, laid out by Graphviz compiled to WebAssembly) and, for handson and
// production, as Mermaid in the docs (cost-and-diagram.md, both languages) between markers.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { README_DIAGRAMS, renderDiagrams } from "./diagrams";
import { writeSection } from "./doc-sections";

const DIR = join(__dirname, "..", "..", "docs", "diagrams");

renderDiagrams().then((diagrams) => {
  mkdirSync(DIR, { recursive: true });
  for (const { name, svg, mermaid } of diagrams) {
    writeFileSync(join(DIR, `${name}.svg`), svg);
    if (README_DIAGRAMS.includes(name)) writeSection(`diagram-${name}`, () => `\`\`\`mermaid\n${mermaid}\n\`\`\``);
    console.log(`  docs/diagrams/${name}.svg${README_DIAGRAMS.includes(name) ? " and its Mermaid in docs/en and docs/ja" : ""}`);
  }
});
