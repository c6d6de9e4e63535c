import { PRICES, PRICES_AS_OF } from "../../src/cost/prices";

describe("the price table", () => {
  it("is less than a year old: read the sources again and update it when this fails", () => {
    const age = Date.now() - Date.parse(PRICES_AS_OF);
    expect(age).toBeGreaterThanOrEqual(0);
    expect(age / (365 * 24 * 3600 * 1000)).toBeLessThan(1);
  });

  it.each(Object.keys(PRICES))("prices every item in %s, none free by mistake", (region) => {
    for (const [item, price] of Object.entries(PRICES[region])) expect(price, item).toBeGreaterThan(0);
  });
});
