import { App, TerraformStack, TerraformVariable, Token } from "cdktf";
import { show } from "../../src/settings/problems";
import { checkSchema, type JsonSchema } from "../../src/settings/schema-check";

const SCHEMA: JsonSchema = {
  $ref: "#/definitions/Root",
  definitions: {
    Root: {
      type: "object",
      properties: {
        port: { type: "integer", minimum: 1, maximum: 65535 },
        ratio: { type: "number" },
        name: { type: "string", minLength: 1, pattern: "^[a-z]+$", patternErrorMessage: "must be lowercase letters" },
        mode: { type: "string", enum: ["a", "b"] },
        on: { type: "boolean" },
        zones: { type: "array", items: { type: "string" }, minItems: 2, maxItems: 3, uniqueItems: true },
        labels: { type: "object", additionalProperties: { type: "string" } },
        nested: { $ref: "#/definitions/Nested" },
      },
      additionalProperties: false,
    },
    Nested: { type: "object", properties: { key: { type: "string" } }, required: ["key"], additionalProperties: false },
  },
};

const check = (value: unknown) => checkSchema(value, SCHEMA);

describe("checkSchema", () => {
  it("accepts a value that keeps every rule", () => {
    const valid = {
      port: 80,
      ratio: 0.5,
      name: "web",
      mode: "a",
      on: true,
      zones: ["x", "y"],
      labels: { team: "t" },
      nested: { key: "k" },
    };
    expect(check(valid)).toEqual([]);
  });

  it.each([
    [{ port: 0 }, "port", "must be an integer from 1 to 65535"],
    [{ port: 8.5 }, "port", "must be an integer from 1 to 65535"],
    [{ port: "80" }, "port", "must be an integer from 1 to 65535"],
    [{ ratio: Number.NaN }, "ratio", "must be a number"],
    [{ name: "" }, "name", "must not be empty"],
    [{ name: "Web" }, "name", "must be lowercase letters"],
    [{ name: 5 }, "name", "must be a string"],
    [{ mode: "c" }, "mode", 'must be one of "a", "b"'],
    [{ on: "yes" }, "on", "must be true or false"],
    [{ zones: "x" }, "zones", "must be a list of strings"],
    [{ zones: ["x"] }, "zones", "must list at least 2 entries"],
    [{ zones: ["w", "x", "y", "z"] }, "zones", "must list at most 3 entries"],
    [{ zones: ["x", "x"] }, "zones", "must not list anything twice"],
    [{ zones: ["x", 2] }, "zones[1]", "must be a string"],
    [{ labels: { team: 1 } }, "labels.team", "must be a string"],
    [{ nested: {} }, "nested.key", "is required"],
    [{ nested: [] }, "nested", "must be an object"],
  ])("reports %j at %s: %s", (value, path, rule) => {
    expect(check(value)).toEqual([expect.objectContaining({ path, rule })]);
  });

  it("reports an unknown key with the closest known one and the list of all", () => {
    expect(check({ prot: 80 })).toEqual([
      {
        path: "prot",
        rule: 'is not a setting (did you mean "port"?); settings here are port, ratio, name, mode, on, zones, labels, nested',
        value: 80,
      },
    ]);
    expect(check({ zzzzzz: 1 })[0].rule).not.toContain("did you mean");
  });

  it("reports every problem, not only the first", () => {
    expect(check({ port: 0, name: "X", mode: "c" }).map((problem) => problem.path)).toEqual(["port", "name", "mode"]);
  });

  it("lets unresolved tokens through: their value is known only at apply", () => {
    const stack = new TerraformStack(new App(), "tokens");
    const text = new TerraformVariable(stack, "name", { type: "string" }).stringValue;
    const number = new TerraformVariable(stack, "port", { type: "number" }).numberValue;
    const list = new TerraformVariable(stack, "zones", { type: "list(string)" }).listValue;
    expect(Token.isUnresolved(text)).toBe(true);
    expect(check({ name: text, port: number, zones: list })).toEqual([]);
  });

  it("fails loudly on a reference the schema does not define", () => {
    expect(() => checkSchema({}, { $ref: "#/definitions/Missing", definitions: {} })).toThrow("unresolved reference #/definitions/Missing");
  });
});

describe("show", () => {
  it("renders what was received", () => {
    expect(show("a")).toBe('"a"');
    expect(show(80)).toBe("80");
    expect(show(undefined)).toBe("nothing");
    expect(show({ a: [1] })).toBe('{"a":[1]}');
    expect(show("x".repeat(200))).toHaveLength(120);
  });
});
