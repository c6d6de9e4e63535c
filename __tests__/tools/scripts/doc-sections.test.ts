import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import {
  type Document,
  documentFile,
  GENERATED_SECTIONS,
  LANGUAGES,
  type Language,
  readSection,
  TOPICS,
} from "../../../tools/scripts/doc-sections";

const DOCUMENTS: readonly Document[] = ["README", ...TOPICS];
/** Generated sections written in each language from one source; the others are the same text in both. */
const TRANSLATED = new Set(["settings-table", "settings-rules", "policy-rules", "chapter-costs"]);

const textOf = (document: Document, language: Language) => readFileSync(documentFile(document, language), "utf8");

/** The prose of a document: fenced code blocks and generated sections taken out. */
function prose(text: string): string {
  return text.replace(/^```[\s\S]*?^```$/gm, "").replace(/<!-- ([a-z-]+):start[^>]*-->[\s\S]*?<!-- \1:end -->/g, "");
}

/** A document's `## ` sections, in order, by the id under each heading, with their prose; what precedes the first is "(intro)". */
function sectionsOf(text: string): { id: string; body: string }[] {
  const [intro, ...parts] = prose(text).split(/^## /m);
  const introduction = { id: "(intro)", body: intro.split("\n").slice(1).join("\n") };
  return [
    introduction,
    ...parts.map((part) => {
      const [heading, marker = "", ...rest] = part.split("\n");
      const id = /^<!-- section: ([a-z0-9-]+) -->$/.exec(marker)?.[1] ?? `(no section id under "## ${heading}")`;
      return { id, body: rest.join("\n") };
    }),
  ];
}

const codeSpans = (text: string) => new Set(text.match(/`[^`\n]+`/g) ?? []);
const dollars = (text: string) => (text.match(/\$\d[\d,]*(\.\d+)?/g) ?? []).sort();

/** GitHub's anchor of a heading: lower case, punctuation dropped, spaces as hyphens. */
function anchor(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\- _]/gu, "")
    .replace(/ /g, "-");
}

const anchorsOf = (text: string) =>
  new Set(
    prose(text)
      .match(/^#{1,4} .*$/gm)
      ?.map((line) => anchor(line.replace(/^#+ /, ""))) ?? [],
  );

describe("the docs, in English and Japanese", () => {
  it.each(DOCUMENTS)("%s: has the same sections in both languages, in the same order", (document) => {
    const english = sectionsOf(textOf(document, "en")).map((section) => section.id);
    expect(english.length, document).toBeGreaterThan(1);
    expect(sectionsOf(textOf(document, "ja")).map((section) => section.id)).toEqual(english);
  });

  it.each(DOCUMENTS)("%s: the Japanese carries every command, setting and figure of the English", (document) => {
    const japanese = new Map(sectionsOf(textOf(document, "ja")).map((section) => [section.id, section.body]));
    for (const { id, body } of sectionsOf(textOf(document, "en"))) {
      const translated = japanese.get(id) ?? "";
      const missing = [...codeSpans(body)].filter((span) => !codeSpans(translated).has(span));
      expect(missing, `${document} § ${id}: code spans missing in Japanese`).toEqual([]);
      expect(dollars(translated), `${document} § ${id}: dollar figures`).toEqual(dollars(body));
    }
  });

  it.each(DOCUMENTS)("%s: holds the same generated sections in both languages, the untranslated ones the same", (document) => {
    for (const [name, documents] of Object.entries(GENERATED_SECTIONS)) {
      if (!documents.includes(document)) continue;
      const [english, japanese] = LANGUAGES.map((language) => readSection(name, language, document));
      expect(english.length, `${document}: ${name}`).toBeGreaterThan(0);
      if (!TRANSLATED.has(name)) expect(japanese, `${document}: ${name}`).toBe(english);
    }
  });

  it.each(DOCUMENTS)("%s: links only to files and anchors that exist, and to its other language at the top", (document) => {
    for (const language of LANGUAGES) {
      const file = documentFile(document, language);
      const text = textOf(document, language);
      const other = documentFile(document, language === "en" ? "ja" : "en");
      const top = text.split("\n").slice(0, 5).join("\n");
      expect(top, `${file}: a link to its other language`).toMatch(
        new RegExp(`\\]\\(([./\\w-]*/)?${other.split("/").pop()?.replace(".", "\\.")}\\)`),
      );
      for (const [, target, hash] of prose(text).matchAll(/\]\((?!https?:)([^)#\s]*)(?:#([^)\s]+))?\)/g)) {
        const path = target ? resolve(dirname(file), target) : file;
        expect(existsSync(path), `${file}: link to ${target}`).toBe(true);
        if (hash && path.endsWith(".md"))
          expect(anchorsOf(readFileSync(path, "utf8")), `${file}: #${hash} in ${target || "itself"}`).toContain(decodeURIComponent(hash));
      }
    }
  });
});

describe("the docs' prose figures", () => {
  it("count the policy rules there are", async () => {
    const { POLICY_RULES } = await import("../../../src/checks/rules");
    for (const language of LANGUAGES) {
      for (const document of ["README", "checks"] as const) {
        for (const [, count] of textOf(document, language).matchAll(/(\d+) (?:rules|のルール)/g))
          expect(Number(count), `${document} (${language})`).toBe(POLICY_RULES.length);
      }
    }
  });

  it("name the docs' own folder, not a README section that moved", () => {
    for (const document of DOCUMENTS) for (const language of LANGUAGES) expect(textOf(document, language)).not.toMatch(/README\.md#/);
  });
});

it("keeps one topic per file: docs/en and docs/ja hold exactly the topics", () => {
  for (const language of LANGUAGES)
    for (const topic of TOPICS) expect(existsSync(join(dirname(documentFile(topic, language)), `${topic}.md`))).toBe(true);
});
