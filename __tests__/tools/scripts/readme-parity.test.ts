import { readFileSync } from "node:fs";
import { README_FILE, README_JA_FILE, readSection, SHARED_SECTIONS } from "../../../tools/scripts/readme-sections";

/** The sections of a README, in order: each `## ` heading names its counterpart with a `<!-- section: id -->` line under it. */
function sectionsOf(file: string): string[] {
  const lines = readFileSync(file, "utf8").split("\n");
  return lines.flatMap((line, index) => {
    if (!line.startsWith("## ")) return [];
    const id = /^<!-- section: ([a-z-]+) -->$/.exec(lines[index + 1] ?? "")?.[1];
    return [id ?? `(no section id under "${line}")`];
  });
}

describe("the English and Japanese READMEs", () => {
  it("have the same sections, in the same order, each with its counterpart", () => {
    const english = sectionsOf(README_FILE);
    expect(english.length).toBeGreaterThan(10);
    expect(sectionsOf(README_JA_FILE)).toEqual(english);
  });

  it("share their generated tables and diagrams, written once", () => {
    for (const name of SHARED_SECTIONS) expect(readSection(name, README_JA_FILE), name).toBe(readSection(name, README_FILE));
  });

  it("link to each other at the top", () => {
    expect(readFileSync(README_FILE, "utf8").split("\n").slice(0, 5).join("\n")).toContain("](README.ja.md)");
    expect(readFileSync(README_JA_FILE, "utf8").split("\n").slice(0, 5).join("\n")).toContain("](README.md)");
  });
});
