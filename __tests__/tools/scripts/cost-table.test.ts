import { COST_TABLE, costTable } from "../../../tools/scripts/cost-table";
import { readSection } from "../../../tools/scripts/readme-sections";

describe("the README's cost table", () => {
  it("is what `npm run schema` generates from the environments and the prices", () => {
    expect(readSection(COST_TABLE)).toBe(costTable());
  });
});
