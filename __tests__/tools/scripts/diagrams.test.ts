import { readFileSync } from "node:fs";
import { join } from "node:path";
import { README_DIAGRAMS, renderDiagrams } from "../../../tools/scripts/diagrams";
import { LANGUAGES, readSection } from "../../../tools/scripts/doc-sections";

describe("the diagrams", () => {
  it("in the docs and docs/diagrams/ are what `npm run diagram` draws from the environments", async () => {
    const diagrams = await renderDiagrams();
    expect(diagrams.map((diagram) => diagram.name)).toEqual(expect.arrayContaining([...README_DIAGRAMS]));
    for (const { name, mermaid, svg } of diagrams) {
      expect(readFileSync(join(__dirname, "../../../docs/diagrams", `${name}.svg`), "utf8"), name).toBe(svg);
      if (README_DIAGRAMS.includes(name))
        for (const language of LANGUAGES) expect(readSection(`diagram-${name}`, language)).toBe(`\`\`\`mermaid\n${mermaid}\n\`\`\``);
    }
  });
});
