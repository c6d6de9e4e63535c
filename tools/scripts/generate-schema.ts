// `npm run schema`: generates config/settings.schema.json and the settings reference of the docs
// from the interfaces in src/settings/settings.ts, so that the TSDoc there is the one source of
// both; the lists of settings rules and policy rules from the rules themselves; the cost tables,
// the three-service example and each chapter's code. The unit tests fail when any of them is stale.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { createGenerator } from "ts-json-schema-generator";
import { POLICY_RULES } from "../../src/checks/rules";
import { SETTINGS_RULES } from "../../src/settings/rules";
import { SERVICES_RULES } from "../../src/settings/service-rules";
import { CHAPTER_CODE, chapterCode, chapterCodeSection } from "./chapter-code";
import { CHAPTER_COSTS, COST_TABLE, chapterCostTable, costTable } from "./cost-table";
import { writeSection } from "./doc-sections";

const ROOT = join(__dirname, "..", "..");
export const SCHEMA_FILE = join(ROOT, "config", "settings.schema.json");
/** Names of the generated sections of the docs this script writes. */
export const SETTINGS_TABLE = "settings-table";
export const RULES_TABLE = "settings-rules";
export const POLICY_RULES_TABLE = "policy-rules";
export const SHOP_FILE = "shop-file";

// biome-ignore lint/suspicious/noExplicitAny: a generated JSON Schema, walked generically by key
export type Schema = Record<string, any>;

/** The JSON Schema of environment files and props, as `npm run schema` writes it. */
export function generateSchema(): Schema {
  const generated = createGenerator({
    path: join(ROOT, "src", "settings", "settings.ts"),
    tsconfig: join(ROOT, "tsconfig.json"),
    type: "*",
    expose: "export",
    skipTypeCheck: true,
    additionalProperties: false,
    extraTags: ["patternErrorMessage", "recommended"],
  }).createSchema("*");
  return {
    $schema: "http://json-schema.org/draft-07/schema#",
    title: "FargateWebService environment",
    description: "An environment file, config/<env>.json: one stack. Generated from src/settings/settings.ts by `npm run schema`.",
    $ref: "#/definitions/EnvironmentFile",
    definitions: mapSchemas(generated.definitions, proseDefaults),
  };
}

/** `@default - the container port` is prose, not a value: keep it out of `default`, for editors. */
function proseDefaults(schema: Schema): Schema {
  if (typeof schema.default !== "string" || !schema.default.startsWith("- ")) return schema;
  const { default: prose, ...rest } = schema;
  return { ...rest, defaultDescription: prose.slice(2) };
}

function mapSchemas(value: unknown, fn: (schema: Schema) => Schema): unknown {
  if (Array.isArray(value)) return value.map((item) => mapSchemas(item, fn));
  if (value === null || typeof value !== "object") return value;
  const mapped = Object.fromEntries(Object.entries(value).map(([key, item]) => [key, mapSchemas(item, fn)]));
  return "type" in mapped || "$ref" in mapped ? fn(mapped) : mapped;
}

/** The table of settings: one row per setting, nested ones by their dotted path. */
export function settingsTable(schema: Schema): string {
  const rows: string[] = [];
  const resolve = (node: Schema): Schema => (node.$ref ? schema.definitions[node.$ref.split("/").pop()] : node);
  const visit = (definition: Schema, prefix: string, required: string[]) => {
    for (const [key, property] of Object.entries<Schema>(definition.properties)) {
      if (key === "$schema") continue;
      const target = resolve(property);
      const path = `${prefix}${key}`;
      const fallback =
        "default" in property
          ? `\`${JSON.stringify(property.default)}\``
          : (property.defaultDescription ?? (required.includes(key) ? "required" : ""));
      const recommended = "recommended" in property ? `**\`${JSON.stringify(property.recommended)}\`**` : "same";
      const cells = [`\`${path}\``, typeName(target, resolve), fallback, recommended, describe(property, target)];
      rows.push(`| ${cells.map(markdownCell).join(" | ")} |`);
      if (target.properties) visit(target, `${path}.`, target.required ?? []);
      const items = target.type === "array" ? resolve(target.items) : undefined;
      if (items?.properties) visit(items, `${path}[].`, items.required ?? []);
    }
  };
  visit(schema.definitions.EnvironmentFile, "", []);
  return ["| Setting | Type | Default (`tutorial`) | `recommended` | Description |", "| --- | --- | --- | --- | --- |", ...rows].join("\n");
}

function markdownCell(text: string): string {
  return text.replace(/\|/g, "\\|").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/\n/g, " ");
}

function typeName(schema: Schema, resolve: (node: Schema) => Schema): string {
  // A long list of numbers reads better as a list than as alternatives.
  if (schema.enum?.length > 8) return `${schema.type}: ${schema.enum.join(", ")}`;
  if (schema.enum) return schema.enum.map((value: unknown) => `\`${JSON.stringify(value)}\``).join(" | ");
  if (schema.type === "array") return `${typeName(resolve(schema.items), resolve)}[]`;
  if (schema.type === "object" && !schema.properties) return `map of ${typeName(resolve(schema.additionalProperties), resolve)}`;
  return schema.type;
}

function describe(property: Schema, target: Schema): string {
  const limits: string[] = [];
  const range = (low?: number, high?: number, unit = "") =>
    low !== undefined && high !== undefined
      ? `${low}–${high}${unit}`
      : low !== undefined
        ? `at least ${low}${unit}`
        : `at most ${high}${unit}`;
  if ("minimum" in target || "maximum" in target) limits.push(range(target.minimum, target.maximum));
  if ("minItems" in target || "maxItems" in target) {
    limits.push(
      target.minItems === 1 && target.maxItems === undefined ? "at least one" : range(target.minItems, target.maxItems, " entries"),
    );
  }
  if (target.uniqueItems) limits.push("no duplicates");
  if (target.minLength === 1) limits.push("not empty");
  if ("maxLength" in target) limits.push(`at most ${target.maxLength} characters`);
  if (target.patternErrorMessage) limits.push(target.patternErrorMessage);
  const text = property.description ?? target.description ?? "";
  return limits.length ? `${text} (${limits.join("; ")})` : text;
}

/** The list of the rules of src/settings/rules/, in the order their problems are reported. */
export function rulesTable(): string {
  const rows = [
    ...SETTINGS_RULES.map((rule) => `| ${markdownCell(rule.summary)} | \`rules/${rule.id}.ts\` |`),
    ...SERVICES_RULES.map((rule) => `| Across services: ${markdownCell(rule.summary)} | \`service-rules/${rule.id}.ts\` |`),
  ];
  return ["| Rule | In `src/settings/` |", "| --- | --- |", ...rows].join("\n");
}

/** The three-service example: config/shop.json as it is, but for the line for editors. */
export function shopFile(): string {
  const text = readFileSync(join(ROOT, "config", "shop.json"), "utf8").replace(/^ {2}"\$schema": .*\n/m, "");
  return `\`\`\`json\n${text.trim()}\n\`\`\``;
}

/** The list of the policy rules of src/checks/rules/, in the order the report lists them. */
export function policyRulesTable(): string {
  const rows = POLICY_RULES.map((rule) => {
    const { checkov = [], trivy = [], cdkNag = [] } = rule.equivalents;
    const same = [...checkov, ...trivy.map((id) => id.split(" ")[0]), ...cdkNag].map((id) => `\`${id}\``).join(" ") || "—";
    return `| \`${rule.id}\` | ${rule.severity} | ${markdownCell(rule.risk)} | ${markdownCell(rule.fix)} | ${same} |`;
  });
  return ["| Rule | Severity | Risk | Fix | Same as (checkov, trivy, cdk-nag) |", "| --- | --- | --- | --- | --- |", ...rows].join("\n");
}

export function formatSchema(schema: Schema): string {
  return `${JSON.stringify(schema, null, 2)}\n`;
}

if (require.main === module) {
  const schema = generateSchema();
  writeFileSync(SCHEMA_FILE, formatSchema(schema));
  writeSection(SETTINGS_TABLE, () => settingsTable(schema));
  writeSection(RULES_TABLE, () => rulesTable());
  writeSection(POLICY_RULES_TABLE, () => policyRulesTable());
  const costs = costTable();
  writeSection(COST_TABLE, () => costs);
  writeSection(CHAPTER_COSTS, (language) => chapterCostTable(language));
  writeSection(SHOP_FILE, () => shopFile());
  for (const { chapter } of CHAPTER_CODE) writeSection(chapterCodeSection(chapter), () => chapterCode(chapter));
  console.log(`wrote ${SCHEMA_FILE}, and the generated sections of the READMEs and docs/ (English and Japanese)`);
}
