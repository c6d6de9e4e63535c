import { createFirst } from "../../src/constructs/replacement";

describe("createFirst", () => {
  it("creates the new resource before destroying the old one with safe replacements, and leaves Terraform's order otherwise", () => {
    expect(createFirst(true)).toEqual({ createBeforeDestroy: true });
    expect(createFirst(false)).toBeUndefined();
    expect(createFirst(undefined)).toBeUndefined();
  });
});
