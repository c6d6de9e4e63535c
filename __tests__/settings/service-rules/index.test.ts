import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { SERVICES_RULES } from "../../../src/settings/service-rules";

const RULES_DIR = join(__dirname, "../../../src/settings/service-rules");
const ruleFiles = readdirSync(RULES_DIR).filter((file) => !["index.ts", "rule.ts", "rule-match.ts"].includes(file));

describe("SERVICES_RULES", () => {
  it("lists the rule of every file in src/settings/service-rules once, each identified by its file", async () => {
    const exported = await Promise.all(
      ruleFiles.map(async (file) =>
        Object.values(await import(join(RULES_DIR, file))).find((value) => SERVICES_RULES.includes(value as never)),
      ),
    );
    expect(exported.map((rule) => (rule as (typeof SERVICES_RULES)[number] | undefined)?.id)).toEqual(
      ruleFiles.map((file) => file.replace(/\.ts$/, "")),
    );
    expect(SERVICES_RULES).toHaveLength(ruleFiles.length);
  });

  it.each(ruleFiles)("%s has its own test file", (file) => {
    expect(existsSync(join(__dirname, file.replace(/\.ts$/, ".test.ts")))).toBe(true);
  });
});
