import { spawnSync } from "node:child_process";
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, join, resolve } from "node:path";

const ROOT = resolve(__dirname, "../../..");

/**
 * Runs the wrapper in a project folder of its own with a stand-in `cdktf` first on PATH that only
 * says what it was given, and writes the manifest of a synth that produced no stack.
 */
function wrap(args: string[]) {
  const bin = mkdtempSync(join(tmpdir(), "bin-"));
  const project = mkdtempSync(join(tmpdir(), "project-"));
  try {
    writeFileSync(
      join(bin, "cdktf"),
      '#!/bin/sh\necho "cdktf $*"\nmkdir -p cdktf.out && echo \'{"stacks":{}}\' > cdktf.out/manifest.json\n',
    );
    chmodSync(join(bin, "cdktf"), 0o755);
    return spawnSync(join(ROOT, "node_modules/.bin/tsx"), [join(ROOT, "tools/scripts/with-terraform-env.ts"), "cdktf", ...args], {
      cwd: project,
      env: { ...process.env, PATH: `${bin}${delimiter}${process.env.PATH}`, CONFIG_DIR: join(ROOT, "config") },
      encoding: "utf8",
    });
  } finally {
    rmSync(bin, { recursive: true, force: true });
    rmSync(project, { recursive: true, force: true });
  }
}

describe("npm run deploy / diff (with-terraform-env)", () => {
  it("prints the monthly cost of the stack it deploys before cdktf deploy runs", () => {
    const run = wrap(["deploy", "handson", "--skip-provider-lock"]);
    expect(run.status, run.stderr).toBe(0);
    const estimate = run.stdout.indexOf("handson (ap-northeast-1): $186.67 a month");
    expect(estimate).toBeGreaterThanOrEqual(0);
    expect(run.stdout.indexOf("cdktf deploy handson --skip-provider-lock")).toBeGreaterThan(estimate);
    expect(run.stdout).not.toContain("production (");
  });

  it("passes other commands straight through", () => {
    const run = wrap(["diff", "handson"]);
    expect(run.stdout.trim()).toBe("cdktf diff handson");
  });
});
