import { Token } from "cdktf";
import { type Problem, show } from "./problems";

/** The part of JSON Schema (draft-07) that config/settings.schema.json uses. */
export interface JsonSchema {
  readonly $ref?: string;
  readonly type?: "object" | "array" | "string" | "integer" | "number" | "boolean";
  readonly enum?: readonly unknown[];
  readonly properties?: Readonly<Record<string, JsonSchema>>;
  readonly required?: readonly string[];
  readonly additionalProperties?: boolean | JsonSchema;
  readonly propertyNames?: JsonSchema;
  readonly minProperties?: number;
  readonly items?: JsonSchema;
  readonly minItems?: number;
  readonly maxItems?: number;
  readonly uniqueItems?: boolean;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly pattern?: string;
  readonly patternErrorMessage?: string;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly definitions?: Readonly<Record<string, JsonSchema>>;
}

/**
 * Checks a value against a schema, reporting every problem at once, each with a sentence a user
 * can act on. Values that are unresolved cdktf tokens are not known until apply: they pass.
 */
export function checkSchema(value: unknown, schema: JsonSchema, root: JsonSchema = schema, path = ""): Problem[] {
  const resolved = resolve(schema, root);
  if (value === undefined || Token.isUnresolved(value)) return [];
  const problem = (rule: string): Problem[] => [{ path, rule, value }];

  if (resolved.enum) {
    return resolved.enum.includes(value) ? [] : problem(`must be one of ${resolved.enum.map(show).join(", ")}`);
  }
  switch (resolved.type) {
    case "object": {
      if (!isPlainObject(value)) return problem("must be an object");
      const properties = resolved.properties ?? {};
      const problems: Problem[] = [];
      for (const key of resolved.required ?? []) {
        if (value[key] === undefined) problems.push({ path: join(path, key), rule: "is required", value: undefined });
      }
      if (resolved.minProperties !== undefined && Object.keys(value).length < resolved.minProperties) {
        problems.push({
          path,
          rule: `must hold at least ${resolved.minProperties} ${resolved.minProperties === 1 ? "entry" : "entries"}`,
          value,
        });
      }
      for (const [key, item] of Object.entries(value)) {
        const badName = resolved.propertyNames && checkSchema(key, { type: "string", ...resolved.propertyNames }, root, join(path, key));
        if (badName?.length) problems.push(...badName);
        else if (properties[key]) problems.push(...checkSchema(item, properties[key], root, join(path, key)));
        else if (typeof resolved.additionalProperties === "object") {
          problems.push(...checkSchema(item, resolved.additionalProperties, root, join(path, key)));
        } else if (resolved.additionalProperties === false) {
          problems.push({ path: join(path, key), rule: unknownKeyRule(key, Object.keys(properties)), value: item });
        }
      }
      return problems;
    }
    case "array": {
      if (!Array.isArray(value)) return problem(`must be a list of ${resolve(resolved.items ?? {}, root).type ?? "value"}s`);
      if (resolved.minItems !== undefined && value.length < resolved.minItems) {
        return problem(`must list at least ${resolved.minItems} ${resolved.minItems === 1 ? "entry" : "entries"}`);
      }
      if (resolved.maxItems !== undefined && value.length > resolved.maxItems) {
        return problem(`must list at most ${resolved.maxItems} entries`);
      }
      if (resolved.uniqueItems && new Set(value.map((item) => JSON.stringify(item))).size !== value.length) {
        return problem("must not list anything twice");
      }
      return resolved.items ? value.flatMap((item, index) => checkSchema(item, resolved.items!, root, `${path}[${index}]`)) : [];
    }
    case "string":
      if (typeof value !== "string") return problem("must be a string");
      if (resolved.minLength !== undefined && value.length < resolved.minLength) return problem("must not be empty");
      if (resolved.maxLength !== undefined && value.length > resolved.maxLength) {
        return problem(`must be at most ${resolved.maxLength} characters`);
      }
      if (resolved.pattern && !new RegExp(resolved.pattern).test(value)) {
        return problem(resolved.patternErrorMessage ?? `must match ${resolved.pattern}`);
      }
      return [];
    case "integer":
    case "number":
      if (typeof value !== "number" || !Number.isFinite(value) || (resolved.type === "integer" && !Number.isInteger(value))) {
        return problem(numberRule(resolved));
      }
      if ((resolved.minimum !== undefined && value < resolved.minimum) || (resolved.maximum !== undefined && value > resolved.maximum)) {
        return problem(numberRule(resolved));
      }
      return [];
    case "boolean":
      return typeof value === "boolean" ? [] : problem("must be true or false");
    default:
      return [];
  }
}

function resolve(schema: JsonSchema, root: JsonSchema): JsonSchema {
  if (!schema.$ref) return schema;
  const target = root.definitions?.[schema.$ref.replace("#/definitions/", "")];
  if (!target) throw new Error(`schema: unresolved reference ${schema.$ref}`);
  return resolve(target, root);
}

function numberRule(schema: JsonSchema): string {
  const kind = schema.type === "integer" ? "an integer" : "a number";
  const { minimum: low, maximum: high } = schema;
  if (low !== undefined && high !== undefined) return `must be ${kind} from ${low} to ${high}`;
  if (low !== undefined) return `must be ${kind} of at least ${low}`;
  if (high !== undefined) return `must be ${kind} of at most ${high}`;
  return `must be ${kind}`;
}

function unknownKeyRule(key: string, allowed: string[]): string {
  const suggestion = allowed.find((candidate) => editDistance(candidate.toLowerCase(), key.toLowerCase()) <= 2);
  const hint = suggestion ? ` (did you mean ${show(suggestion)}?)` : "";
  return `is not a setting${hint}; settings here are ${allowed.filter((name) => name !== "$schema").join(", ")}`;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function join(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}
