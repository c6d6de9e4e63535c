import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export const README_FILE = join(__dirname, "..", "..", "README.md");
/** The Japanese README: its generated sections are the English one's, written by the same generators. */
export const README_JA_FILE = join(__dirname, "..", "..", "README.ja.md");

/** The sections both READMEs share, generated once. */
export const SHARED_SECTIONS = [
  "settings-table",
  "settings-rules",
  "policy-rules",
  "cost-table",
  "shop-file",
  "diagram-handson",
  "diagram-production",
];

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

/** A generated section as it stands in a document (the README by default), between its markers. */
export function readSection(name: string, file = README_FILE): string {
  const text = readFileSync(file, "utf8");
  const { contentStart, contentEnd } = locate(text, name, file);
  return text.slice(contentStart, contentEnd).trim();
}

/** Replaces a generated section of both READMEs with new content. */
export function writeReadmeSection(name: string, content: string): void {
  for (const file of [README_FILE, README_JA_FILE]) writeSection(name, content, file);
}

/** Replaces a generated section of a document (the README by default) with new content. */
export function writeSection(name: string, content: string, file = README_FILE): void {
  const text = readFileSync(file, "utf8");
  const { contentStart, contentEnd } = locate(text, name, file);
  writeFileSync(file, `${text.slice(0, contentStart)}\n${content}\n${text.slice(contentEnd)}`);
}
