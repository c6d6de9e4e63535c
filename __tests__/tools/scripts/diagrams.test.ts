import { readFileSync } from "node:fs";
import { join } from "node:path";
import { README_DIAGRAMS, renderDiagrams } from "../../../tools/scripts/diagrams";
import { readSection } from "../../../tools/scripts/readme-sections";

describe("the diagrams", () => {
  it("in the README and docs/diagrams/ are what `npm run diagram` draws from the environments", async () => {
    const diagrams = await renderDiagrams();
    expect(diagrams.map((diagram) => diagram.name)).toEqual(expect.arrayContaining([...README_DIAGRAMS]));
    for (const { name, mermaid, svg } of diagrams) {
      expect(readFileSync(join(__dirname, "../../../docs/diagrams", `${name}.svg`), "utf8"), name).toBe(svg);
      if (README_DIAGRAMS.includes(name)) expect(readSection(`diagram-${name}`)).toBe(`\`\`\`mermaid\n${mermaid}\n\`\`\``);
    }
  });
});
