import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const ROOT = resolve(__dirname, "../../..");
const FIXTURES = join(ROOT, "__tests__/fixtures/copilot");

let project: string;
beforeEach(() => {
  project = mkdtempSync(join(tmpdir(), "project-"));
  mkdirSync(join(project, "config"));
});
afterEach(() => rmSync(project, { recursive: true, force: true }));

/** Runs `npm run import:copilot` in a project folder of its own. */
const importCopilot = (...args: string[]) =>
  spawnSync(join(ROOT, "node_modules/.bin/tsx"), [join(ROOT, "tools/scripts/import-copilot.ts"), ...args], {
    cwd: project,
    encoding: "utf8",
  });

describe("npm run import:copilot", () => {
  it("writes config/<name>.json from the manifests, the notes on stderr, and will not overwrite it unless told (--force)", () => {
    const manifests = ["frontend.yml", "cost-analyzer.yml"].map((file) => join(FIXTURES, file));
    const run = importCopilot(...manifests, "--name", "shop");
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toContain("cost-analyzer.yml: subscribe.topics: give the topics' ARNs in queue.subscribeTo");
    const written = JSON.parse(readFileSync(join(project, "config/shop.json"), "utf8"));
    expect(written).toMatchObject({ $schema: "./settings.schema.json", name: "shop", containerInsights: "enabled" });
    expect(Object.keys(written.services)).toEqual(["frontend", "cost-analyzer"]);

    const again = importCopilot(...manifests, "--name", "shop");
    expect(again.status).toBe(1);
    expect(again.stderr).toContain("config/shop.json: exists already; give --force to replace it");
  });

  it("writes nothing when the manifests are refused or the file is not accepted", () => {
    const job = importCopilot(join(FIXTURES, "report-generator.yml"));
    expect(job.status).toBe(1);
    expect(job.stderr).toContain("report-generator.yml: type: the first manifest must be a Load Balanced Web Service");
    // Two web services on the same path and hosts: the settings' own checks refuse them.
    const clash = join(project, "clash.yml");
    writeFileSync(clash, readFileSync(join(FIXTURES, "frontend.yml"), "utf8").replace(/^name: .*$/m, "name: shop"));
    const refused = importCopilot(join(FIXTURES, "frontend.yml"), clash, "--out", "config/clash.json");
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/^config\/clash\.json: services\.\S+\.listenerRule/m);
    expect(existsSync(join(project, "config/clash.json"))).toBe(false);
  });

  it("exits 2 for a command line it cannot read", () => {
    expect(importCopilot("missing.yml").status).toBe(2);
  });
});
