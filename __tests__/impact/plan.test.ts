import { changedAttributes, changeKind, replacePaths } from "../../src/impact/plan";

describe("changeKind", () => {
  it.each([
    [["create"], "create"],
    [["update"], "update"],
    [["delete"], "delete"],
    [["delete", "create"], "replace-destroy-first"],
    [["create", "delete"], "replace-create-first"],
  ] as const)("reads %j as %s", (actions, kind) => {
    expect(changeKind(actions)).toBe(kind);
  });

  it("has no kind for what changes nothing in AWS", () => {
    expect(changeKind(["no-op"])).toBeUndefined();
    expect(changeKind(["read"])).toBeUndefined();
  });
});

describe("changedAttributes", () => {
  it("lists the top-level attributes that differ, and those known only after apply", () => {
    expect(
      changedAttributes({
        before: { port: 80, name: "handson", arn: "arn:1", tags: {} },
        after: { port: 8080, name: "handson", tags: {} },
        after_unknown: { arn: true, health_check: [{}] },
      }),
    ).toEqual(["arn", "port"]);
  });

  it("counts an attribute added or removed as changed, and null as absent", () => {
    expect(changedAttributes({ before: { a: 1, b: null }, after: { c: 2 } })).toEqual(["a", "c"]);
  });
});

describe("replacePaths", () => {
  it("writes each path with dots, list indexes left out, once", () => {
    expect(
      replacePaths({
        replace_paths: [["port"], ["health_check", 0, "port"], ["port"]],
      }),
    ).toEqual(["health_check.port", "port"]);
  });
});
