import { englishTexts, generateSchema } from "../../../tools/scripts/generate-schema";
import { inLanguage, japaneseTexts, TRANSLATIONS_FILE, textEntries } from "../../../tools/scripts/translations";

const JAPANESE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー]/u;
const codeSpans = (text: string) => new Set(text.match(/`[^`\n]+`/g) ?? []);
const withoutCodeSpans = (text: string) => text.replace(/`[^`\n]+`/g, "");

// docs/i18n/ja.json is the one source of the Japanese of the generated tables: it follows the code's
// English, text for text.
describe("docs/i18n/ja.json", () => {
  const english = textEntries(englishTexts(generateSchema()));
  const japanese = textEntries(japaneseTexts());

  it("gives the Japanese of every setting, prose default, pattern message, settings and services rule, and policy rule", () => {
    expect(
      [...english.keys()].filter((key) => !japanese.has(key)),
      `missing in ${TRANSLATIONS_FILE}`,
    ).toEqual([]);
  });

  it("holds no text that nothing uses any more", () => {
    expect(
      [...japanese.keys()].filter((key) => !english.has(key)),
      `stale in ${TRANSLATIONS_FILE}`,
    ).toEqual([]);
  });

  it("lists its texts in the order the tables list them", () => {
    expect([...japanese.keys()]).toEqual([...english.keys()]);
  });

  it("keeps every code span of the English, byte for byte", () => {
    const missing = [...english].flatMap(([key, text]) =>
      [...codeSpans(text)].filter((span) => !codeSpans(japanese.get(key) ?? "").has(span)).map((span) => `${key}: ${span}`),
    );
    expect(missing).toEqual([]);
  });

  it("is Japanese, in the glossary's words, spaced and punctuated as the Japanese docs are", () => {
    for (const [key, text] of japanese) {
      const prose = withoutCodeSpans(text);
      expect(prose, key).toMatch(JAPANESE);
      expect(prose, `${key}: デフォルト and ルール, never 既定 or 規則`).not.toMatch(/既定|規則/);
      expect(prose, `${key}: no English colon in a Japanese sentence`).not.toMatch(
        new RegExp(`${JAPANESE.source}:|:\\s*${JAPANESE.source}`, "u"),
      );
      expect(prose, `${key}: half-width digits, spaced from Japanese`).not.toMatch(
        new RegExp(`[０-９]|${JAPANESE.source}\\d|\\d${JAPANESE.source}`, "u"),
      );
    }
  });
});

describe("inLanguage", () => {
  it("gives the English itself, and the Japanese from docs/i18n/ja.json", () => {
    expect(inLanguage("en", "Region of the bucket.", "settings", "backend.s3.region")).toBe("Region of the bucket.");
    expect(inLanguage("ja", "Region of the bucket.", "settings", "backend.s3.region")).toBe(japaneseTexts().settings["backend.s3.region"]);
    expect(inLanguage("ja", "…", "policyRules", "LB-WAF", "fix")).toBe(japaneseTexts().policyRules["LB-WAF"].fix);
  });

  it("refuses a text ja.json does not translate, rather than print English in the Japanese docs", () => {
    expect(() => inLanguage("ja", "Not a setting.", "settings", "noSuchSetting")).toThrow(/no Japanese for settings › noSuchSetting/);
    expect(() => inLanguage("ja", "…", "policyRules", "LB-WAF", "risk")).not.toThrow();
    expect(() => inLanguage("ja", "…", "policyRules", "toString")).toThrow(/no Japanese/);
  });
});
