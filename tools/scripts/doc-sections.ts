import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const ROOT = join(__dirname, "..", "..");

/** The languages every document is written in: English, and Japanese for the hands-on's readers. */
export type Language = "en" | "ja";
export const LANGUAGES: readonly Language[] = ["en", "ja"];

/** The topics of docs/, in the order of the READMEs' table of contents. */
export const TOPICS = [
  "hands-on",
  "settings",
  "settings-reference",
  "platform",
  "production",
  "checks",
  "policy-rules",
  "cost-and-diagram",
  "changing",
  "shipping",
  "testing",
  "design-notes",
] as const;

/** A document: the README (the front door) or one of the topics of docs/. */
export type Document = "README" | (typeof TOPICS)[number];

/** A document in one language: README.md and README.ja.md, docs/en/<topic>.md and docs/ja/<topic>.md. */
export function documentFile(document: Document, language: Language): string {
  if (document === "README") return join(ROOT, language === "en" ? "README.md" : "README.ja.md");
  return join(ROOT, "docs", language, `${document}.md`);
}

/** The generated sections, and the documents each stands in (in both languages). */
export const GENERATED_SECTIONS: Readonly<Record<string, readonly Document[]>> = {
  "chapter-costs": ["README", "hands-on"],
  "settings-table": ["settings-reference"],
  "settings-rules": ["settings-reference"],
  "policy-rules": ["policy-rules"],
  "cost-table": ["cost-and-diagram"],
  "shop-file": ["platform"],
  "diagram-handson": ["cost-and-diagram"],
  "diagram-production": ["cost-and-diagram"],
  "chapter-code-vpc": ["hands-on"],
  "chapter-code-alb": ["hands-on"],
  "chapter-code-ecs": ["hands-on"],
  "chapter-code-https": ["hands-on"],
};

/** The markers around a generated section: `<!-- name:start (npm run …) -->` … `<!-- name:end -->`. */
function markers(name: string) {
  return { start: new RegExp(`<!-- ${name}:start[^>]*-->`), end: `<!-- ${name}:end -->` };
}

function locate(text: string, name: string, file: string): { contentStart: number; contentEnd: number } {
  const { start, end } = markers(name);
  const found = start.exec(text);
  const endAt = text.indexOf(end);
  if (!found || endAt < found.index) throw new Error(`${file}: no <!-- ${name}:start … --> … ${end} markers`);
  return { contentStart: found.index + found[0].length, contentEnd: endAt };
}

function documentsOf(name: string): readonly Document[] {
  const documents = GENERATED_SECTIONS[name];
  if (!documents) throw new Error(`${name}: not a generated section (see GENERATED_SECTIONS)`);
  return documents;
}

/** A generated section as it stands in a document (by default the first that holds it), between its markers. */
export function readSection(name: string, language: Language = "en", document: Document = documentsOf(name)[0]): string {
  const file = documentFile(document, language);
  const text = readFileSync(file, "utf8");
  const { contentStart, contentEnd } = locate(text, name, file);
  return text.slice(contentStart, contentEnd).trim();
}

/** Replaces a generated section, in every document that holds it, in each language with what `content` gives for it. */
export function writeSection(name: string, content: (language: Language) => string): void {
  for (const language of LANGUAGES) {
    const text = content(language);
    for (const document of documentsOf(name)) {
      const file = documentFile(document, language);
      const before = readFileSync(file, "utf8");
      const { contentStart, contentEnd } = locate(before, name, file);
      writeFileSync(file, `${before.slice(0, contentStart)}\n${text}\n${before.slice(contentEnd)}`);
    }
  }
}
