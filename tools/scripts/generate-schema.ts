// `npm run schema`: generates config/settings.schema.json and the settings reference of the docs
// from the interfaces in src/settings/settings.ts, so that the TSDoc there is the one source of
// both; the lists of settings rules and policy rules from the rules themselves; the cost tables,
// the three-service example and each chapter's code. The Japanese of the settings and rules tables
// comes from docs/i18n/ja.json (tools/scripts/translations.ts). The unit tests fail when any of them is stale.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { createGenerator } from "ts-json-schema-generator";
import type { PolicySeverity } from "../../src/checks/policy-rule";
import { POLICY_RULES } from "../../src/checks/rules";
import { SETTINGS_RULES } from "../../src/settings/rules";
import { SERVICES_RULES } from "../../src/settings/service-rules";
import { CHAPTER_CODE, chapterCode, chapterCodeSection } from "./chapter-code";
import { CHAPTER_COSTS, COST_TABLE, chapterCostTable, costTable } from "./cost-table";
import { type Language, writeSection } from "./doc-sections";
import { inLanguage, type Texts } from "./translations";

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

/** The fixed words of the generated tables, in each language. */
interface Phrases {
  readonly settingsHeading: string;
  readonly required: string;
  readonly same: string;
  readonly mapOf: (type: string) => string;
  /** A range of numbers, or of a list's entries: both ends, or only one. */
  readonly range: (low: number | undefined, high: number | undefined, entries: boolean) => string;
  readonly atLeastOne: string;
  readonly noDuplicates: string;
  readonly notEmpty: string;
  readonly maxCharacters: (count: number) => string;
  /** A description followed by its limits. */
  readonly limited: (text: string, limits: readonly string[]) => string;
  readonly rulesHeading: string;
  readonly acrossServices: string;
  readonly policyHeading: string;
  readonly severity: Readonly<Record<PolicySeverity, string>>;
}

const PHRASES: Readonly<Record<Language, Phrases>> = {
  en: {
    settingsHeading: "| Setting | Type | Default (`tutorial`) | `recommended` | Description |",
    required: "required",
    same: "same",
    mapOf: (type) => `map of ${type}`,
    range: (low, high, entries) => {
      const unit = entries ? " entries" : "";
      if (low !== undefined && high !== undefined) return `${low}–${high}${unit}`;
      return low !== undefined ? `at least ${low}${unit}` : `at most ${high}${unit}`;
    },
    atLeastOne: "at least one",
    noDuplicates: "no duplicates",
    notEmpty: "not empty",
    maxCharacters: (count) => `at most ${count} characters`,
    limited: (text, limits) => `${text} (${limits.join("; ")})`,
    rulesHeading: "| Rule | In `src/settings/` |",
    acrossServices: "Across services: ",
    policyHeading: "| Rule | Severity | Risk | Fix | Same as (checkov, trivy, cdk-nag) |",
    severity: { error: "error", warning: "warning" },
  },
  ja: {
    settingsHeading: "| 設定 | 型 | デフォルト (`tutorial`) | `recommended` | 説明 |",
    required: "必須",
    same: "同じ",
    // "string[] のマップのマップ": a space between Latin and Japanese, none between Japanese words.
    mapOf: (type) => `${type}${/[\x21-\x7e]$/.test(type) ? " " : ""}のマップ`,
    range: (low, high, entries) => {
      if (low !== undefined && high !== undefined) return `${low}–${high}${entries ? " 個" : ""}`;
      return low !== undefined ? `${low} ${entries ? "個" : ""}以上` : `${high} ${entries ? "個" : ""}以下`;
    },
    atLeastOne: "1 つ以上",
    noDuplicates: "重複なし",
    notEmpty: "空でないこと",
    maxCharacters: (count) => `最大 ${count} 文字`,
    limited: (text, limits) => `${text}(${limits.join("、")})`,
    rulesHeading: "| ルール | `src/settings/` のファイル |",
    acrossServices: "サービス間: ",
    policyHeading: "| ルール | 重大度 | リスク | 直し方 | 同じチェック (checkov・trivy・cdk-nag) |",
    severity: { error: "エラー", warning: "警告" },
  },
};

/** A setting as the settings table lists it: nested ones by their dotted path, a list's items' by `path[].key`. */
interface SettingRow {
  readonly path: string;
  /** The property as its parent declares it (its TSDoc, its default). */
  readonly property: Schema;
  /** The property's own schema, its `$ref` resolved. */
  readonly target: Schema;
  readonly required: boolean;
}

function resolver(schema: Schema): (node: Schema) => Schema {
  return (node) => (node.$ref ? schema.definitions[node.$ref.split("/").pop()] : node);
}

/** Every setting of an environment file, in the order of the settings table. */
function settingRows(schema: Schema): SettingRow[] {
  const rows: SettingRow[] = [];
  const resolve = resolver(schema);
  const visit = (definition: Schema, prefix: string, required: string[]) => {
    for (const [key, property] of Object.entries<Schema>(definition.properties)) {
      if (key === "$schema") continue;
      const target = resolve(property);
      const path = `${prefix}${key}`;
      rows.push({ path, property, target, required: required.includes(key) });
      if (target.properties) visit(target, `${path}.`, target.required ?? []);
      const items = target.type === "array" ? resolve(target.items) : undefined;
      if (items?.properties) visit(items, `${path}[].`, items.required ?? []);
    }
  };
  visit(schema.definitions.EnvironmentFile, "", []);
  return rows;
}

const descriptionOf = ({ property, target }: SettingRow): string => property.description ?? target.description ?? "";
/** The prose default of a setting (`@default - …`), when its default is not a value. */
const proseDefaultOf = ({ property }: SettingRow): string | undefined => ("default" in property ? undefined : property.defaultDescription);

/** The English of every text the tables translate, keyed as docs/i18n/ja.json keys their Japanese. */
export function englishTexts(schema: Schema): Texts {
  const rows = settingRows(schema);
  const messages: string[] = rows.flatMap(({ target }) => (target.patternErrorMessage ? [target.patternErrorMessage] : []));
  return {
    settings: Object.fromEntries(rows.map((row) => [row.path, descriptionOf(row)])),
    defaultDescriptions: Object.fromEntries(
      rows.flatMap((row) => {
        const prose = proseDefaultOf(row);
        return prose === undefined ? [] : [[row.path, prose]];
      }),
    ),
    patternErrorMessages: Object.fromEntries(messages.map((message) => [message, message])),
    settingsRules: Object.fromEntries(SETTINGS_RULES.map((rule) => [rule.id, rule.summary])),
    servicesRules: Object.fromEntries(SERVICES_RULES.map((rule) => [rule.id, rule.summary])),
    policyRules: Object.fromEntries(POLICY_RULES.map((rule) => [rule.id, { risk: rule.risk, fix: rule.fix }])),
  };
}

/** The table of settings: one row per setting, nested ones by their dotted path. */
export function settingsTable(schema: Schema, language: Language): string {
  const phrases = PHRASES[language];
  const resolve = resolver(schema);
  const rows = settingRows(schema).map((row) => {
    const { path, property, target, required } = row;
    const prose = proseDefaultOf(row);
    const fallback =
      "default" in property
        ? `\`${JSON.stringify(property.default)}\``
        : prose !== undefined
          ? inLanguage(language, prose, "defaultDescriptions", path)
          : required
            ? phrases.required
            : "";
    const recommended = "recommended" in property ? `**\`${JSON.stringify(property.recommended)}\`**` : phrases.same;
    const description = describe(target, inLanguage(language, descriptionOf(row), "settings", path), language);
    const cells = [`\`${path}\``, typeName(target, resolve, language), fallback, recommended, description];
    return `| ${cells.map(markdownCell).join(" | ")} |`;
  });
  return [phrases.settingsHeading, "| --- | --- | --- | --- | --- |", ...rows].join("\n");
}

/**
 * A table cell. Pipes are escaped everywhere, code spans included (GitHub's tables need it there
 * too); `<` and `>` only outside code spans, where GitHub would take them for HTML: inside one, it
 * shows `&lt;` as it is.
 */
function markdownCell(text: string): string {
  return text
    .replace(/\n/g, " ")
    .split(/(`[^`]*`)/)
    .map((part, index) => (index % 2 === 1 ? part : part.replace(/</g, "&lt;").replace(/>/g, "&gt;")))
    .join("")
    .replace(/\|/g, "\\|");
}

function typeName(schema: Schema, resolve: (node: Schema) => Schema, language: Language): string {
  // A long list of numbers reads better as a list than as alternatives.
  if (schema.enum?.length > 8) return `${schema.type}: ${schema.enum.join(", ")}`;
  if (schema.enum) return schema.enum.map((value: unknown) => `\`${JSON.stringify(value)}\``).join(" | ");
  if (schema.type === "array") return `${typeName(resolve(schema.items), resolve, language)}[]`;
  if (schema.type === "object" && !schema.properties) {
    return PHRASES[language].mapOf(typeName(resolve(schema.additionalProperties), resolve, language));
  }
  return schema.type;
}

/** A setting's description, followed by the limits its schema sets. */
function describe(target: Schema, text: string, language: Language): string {
  const phrases = PHRASES[language];
  const limits: string[] = [];
  if ("minimum" in target || "maximum" in target) limits.push(phrases.range(target.minimum, target.maximum, false));
  if ("minItems" in target || "maxItems" in target) {
    limits.push(
      target.minItems === 1 && target.maxItems === undefined ? phrases.atLeastOne : phrases.range(target.minItems, target.maxItems, true),
    );
  }
  if (target.uniqueItems) limits.push(phrases.noDuplicates);
  if (target.minLength === 1) limits.push(phrases.notEmpty);
  if ("maxLength" in target) limits.push(phrases.maxCharacters(target.maxLength));
  if (target.patternErrorMessage) {
    limits.push(inLanguage(language, target.patternErrorMessage, "patternErrorMessages", target.patternErrorMessage));
  }
  return limits.length ? phrases.limited(text, limits) : text;
}

/** The list of the rules of src/settings/rules/, in the order their problems are reported. */
export function rulesTable(language: Language): string {
  const phrases = PHRASES[language];
  const rows = [
    ...SETTINGS_RULES.map(
      (rule) => `| ${markdownCell(inLanguage(language, rule.summary, "settingsRules", rule.id))} | \`rules/${rule.id}.ts\` |`,
    ),
    ...SERVICES_RULES.map(
      (rule) =>
        `| ${phrases.acrossServices}${markdownCell(inLanguage(language, rule.summary, "servicesRules", rule.id))} | \`service-rules/${rule.id}.ts\` |`,
    ),
  ];
  return [phrases.rulesHeading, "| --- | --- |", ...rows].join("\n");
}

/** The three-service example: config/shop.json as it is, but for the line for editors. */
export function shopFile(): string {
  const text = readFileSync(join(ROOT, "config", "shop.json"), "utf8").replace(/^ {2}"\$schema": .*\n/m, "");
  return `\`\`\`json\n${text.trim()}\n\`\`\``;
}

/** The list of the policy rules of src/checks/rules/, in the order the report lists them. */
export function policyRulesTable(language: Language): string {
  const phrases = PHRASES[language];
  const rows = POLICY_RULES.map((rule) => {
    const { checkov = [], trivy = [], cdkNag = [] } = rule.equivalents;
    const same = [...checkov, ...trivy.map((id) => id.split(" ")[0]), ...cdkNag].map((id) => `\`${id}\``).join(" ") || "—";
    const risk = inLanguage(language, rule.risk, "policyRules", rule.id, "risk");
    const fix = inLanguage(language, rule.fix, "policyRules", rule.id, "fix");
    return `| \`${rule.id}\` | ${phrases.severity[rule.severity]} | ${markdownCell(risk)} | ${markdownCell(fix)} | ${same} |`;
  });
  return [phrases.policyHeading, "| --- | --- | --- | --- | --- |", ...rows].join("\n");
}

export function formatSchema(schema: Schema): string {
  return `${JSON.stringify(schema, null, 2)}\n`;
}

if (require.main === module) {
  const schema = generateSchema();
  writeFileSync(SCHEMA_FILE, formatSchema(schema));
  writeSection(SETTINGS_TABLE, (language) => settingsTable(schema, language));
  writeSection(RULES_TABLE, (language) => rulesTable(language));
  writeSection(POLICY_RULES_TABLE, (language) => policyRulesTable(language));
  const costs = costTable();
  writeSection(COST_TABLE, () => costs);
  writeSection(CHAPTER_COSTS, (language) => chapterCostTable(language));
  writeSection(SHOP_FILE, () => shopFile());
  for (const { chapter } of CHAPTER_CODE) writeSection(chapterCodeSection(chapter), () => chapterCode(chapter));
  console.log(`wrote ${SCHEMA_FILE}, and the generated sections of the READMEs and docs/ (English and Japanese)`);
}
