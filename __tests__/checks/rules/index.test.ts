import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { POLICY_RULES } from "../../../src/checks/rules";
import { LANGUAGES, readSection } from "../../../tools/scripts/doc-sections";
import { POLICY_RULES_TABLE, policyRulesTable } from "../../../tools/scripts/generate-schema";

const RULES_DIR = join(__dirname, "../../../src/checks/rules");
const ruleFiles = readdirSync(RULES_DIR).filter((file) => file !== "index.ts");

describe("POLICY_RULES", () => {
  it("lists the rule of every file in src/checks/rules once, its id the file's name in upper case", async () => {
    const exported = await Promise.all(
      ruleFiles.map(async (file) =>
        Object.values(await import(join(RULES_DIR, file))).find((value) => POLICY_RULES.includes(value as never)),
      ),
    );
    expect(exported.map((rule) => (rule as (typeof POLICY_RULES)[number] | undefined)?.id)).toEqual(
      ruleFiles.map((file) => file.replace(/\.ts$/, "").toUpperCase()),
    );
    expect(POLICY_RULES).toHaveLength(ruleFiles.length);
  });

  it.each(ruleFiles)("%s has its own test file", (file) => {
    expect(existsSync(join(__dirname, file.replace(/\.ts$/, ".test.ts")))).toBe(true);
  });

  it("are about 25, errors and warnings both", () => {
    expect(POLICY_RULES.length).toBeGreaterThanOrEqual(25);
    expect(new Set(POLICY_RULES.map((rule) => rule.severity))).toEqual(new Set(["error", "warning"]));
  });

  it.each(LANGUAGES)("are listed in the docs (%s) as `npm run schema` generates them", (language) => {
    expect(readSection(POLICY_RULES_TABLE, language)).toBe(policyRulesTable(language));
  });
});
