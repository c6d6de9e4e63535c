import { CHAPTER_COSTS, COST_TABLE, chapterCostTable, costTable } from "../../../tools/scripts/cost-table";
import { LANGUAGES, readSection } from "../../../tools/scripts/doc-sections";

describe("the docs' cost tables", () => {
  it("of the environments is what `npm run schema` generates from the environments and the prices", () => {
    expect(readSection(COST_TABLE)).toBe(costTable());
  });

  it.each(LANGUAGES)(
    "of the hands-on's chapters (%s) is what `npm run schema` generates, on the front page and the hands-on's",
    (language) => {
      const table = chapterCostTable(language);
      expect(readSection(CHAPTER_COSTS, language, "README")).toBe(table);
      expect(readSection(CHAPTER_COSTS, language, "hands-on")).toBe(table);
      // The VPC chapter's three NAT gateways are most of the bill; the HTTPS chapter adds nothing of its own.
      expect(table).toMatch(/\| VPC \| `handson-vpc` \| \$0\.201 \| \$146\.73 \| \+\$146\.73 \|/);
      expect(table).toMatch(/\| HTTPS \| `handson-https` \| \$0\.256 \| \$186\.67 \| \+\$0\.00 \|/);
    },
  );
});
