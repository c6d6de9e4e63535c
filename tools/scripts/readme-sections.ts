import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export const README_FILE = join(__dirname, "..", "..", "README.md");

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

/** Replaces a generated section of a document (the README by default) with new content. */
export function writeSection(name: string, content: string, file = README_FILE): void {
  const text = readFileSync(file, "utf8");
  const { contentStart, contentEnd } = locate(text, name, file);
  writeFileSync(file, `${text.slice(0, contentStart)}\n${content}\n${text.slice(contentEnd)}`);
}
