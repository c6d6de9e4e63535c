// The Japanese of the generated reference tables (the settings, the settings rules, the policy rules):
// docs/i18n/ja.json, one text for each English text of the code, by the key the tables use. The
// English stays in the code (TSDoc, rule summaries, risks and fixes); the tests of
// __tests__/tools/scripts/translations.test.ts fail when the two fall out of step.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Language } from "./doc-sections";

export const TRANSLATIONS_FILE = join(__dirname, "..", "..", "docs", "i18n", "ja.json");

type Table = Readonly<Record<string, string>>;

/** The texts the generated tables are made of, in one language, in the order the tables list them. */
export interface Texts {
  /** Each setting's description, by its path in the settings table (`https.domain`, `suppressions[].rule`). */
  readonly settings: Table;
  /** Each prose default (`@default - …`), by the setting's path. */
  readonly defaultDescriptions: Table;
  /** Each `@patternErrorMessage`, by the English message. */
  readonly patternErrorMessages: Table;
  /** Each settings rule's summary (src/settings/rules/), by its id. */
  readonly settingsRules: Table;
  /** Each services rule's summary (src/settings/service-rules/), by its id. */
  readonly servicesRules: Table;
  /** Each policy rule's risk and fix (src/checks/rules/), by its id. */
  readonly policyRules: Readonly<Record<string, { readonly risk: string; readonly fix: string }>>;
}

let japanese: Texts | undefined;

/** docs/i18n/ja.json, read once. */
export function japaneseTexts(): Texts {
  japanese ??= JSON.parse(readFileSync(TRANSLATIONS_FILE, "utf8")) as Texts;
  return japanese;
}

/**
 * A text of the tables in a language: the English itself, or the Japanese docs/i18n/ja.json gives
 * for it, such as `inLanguage("ja", description, "settings", "https.domain")` or
 * `inLanguage("ja", rule.fix, "policyRules", rule.id, "fix")`. A missing Japanese text is an error.
 */
export function inLanguage(language: Language, english: string, kind: keyof Texts, key: string, field?: "risk" | "fix"): string {
  if (language === "en") return english;
  const found = [kind, key, ...(field ? [field] : [])].reduce<unknown>(
    (node, part) =>
      node !== null && typeof node === "object" && Object.hasOwn(node, part) ? (node as Record<string, unknown>)[part] : undefined,
    japaneseTexts(),
  );
  if (typeof found !== "string") {
    throw new Error(`${TRANSLATIONS_FILE}: no Japanese for ${[kind, key, field].filter(Boolean).join(" › ")} ("${english}")`);
  }
  return found;
}

/** Every text, by a key naming its place (`settings › https.domain`, `policyRules › LB-WAF › fix`), in order. */
export function textEntries(texts: Texts): Map<string, string> {
  const entries = new Map<string, string>();
  for (const [kind, table] of Object.entries(texts) as [keyof Texts, Record<string, unknown>][]) {
    for (const [key, text] of Object.entries(table)) {
      if (typeof text === "string") entries.set(`${kind} › ${key}`, text);
      else
        for (const [field, part] of Object.entries(text as Record<string, unknown>))
          entries.set(`${kind} › ${key} › ${field}`, String(part));
    }
  }
  return entries;
}
