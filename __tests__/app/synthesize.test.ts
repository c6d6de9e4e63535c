import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { synthesizeEnvironments } from "../../src/app/synthesize";
import { anotherService } from "../helpers";

/** Runs the synth with these environment files into a fresh outdir, capturing what it prints. */
function run(files: Record<string, unknown>, prepare?: (outdir: string) => void) {
  const configDir = mkdtempSync(join(tmpdir(), "config-"));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(configDir, name), JSON.stringify(content));
  const outdir = mkdtempSync(join(tmpdir(), "out-"));
  prepare?.(outdir);
  const lines = { log: [] as string[], error: [] as string[] };
  const saved = { CONFIG_DIR: process.env.CONFIG_DIR, CDKTF_OUTDIR: process.env.CDKTF_OUTDIR };
  Object.assign(process.env, { CONFIG_DIR: configDir, CDKTF_OUTDIR: outdir });
  try {
    const code = synthesizeEnvironments({ log: (line) => lines.log.push(line), error: (line) => lines.error.push(line) });
    return { code, outdir, configDir, ...lines };
  } finally {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  }
}

const twoRegions = {
  "tokyo.json": { name: "web" },
  "ireland.json": { name: "web", region: "eu-west-1", azs: ["eu-west-1a", "eu-west-1b", "eu-west-1c"] },
};

describe("synthesizeEnvironments", () => {
  it("writes what cdktf synth writes, the manifest and every stack, and says which", () => {
    const { code, outdir, log, error } = run(twoRegions);
    expect(code).toBe(0);
    const manifest = JSON.parse(readFileSync(join(outdir, "manifest.json"), "utf8"));
    expect(Object.keys(manifest.stacks).sort()).toEqual(["ireland", "tokyo"]);
    expect(manifest.stacks.tokyo).toMatchObject({ synthesizedStackPath: "stacks/tokyo/cdk.tf.json", workingDirectory: "stacks/tokyo" });
    for (const stack of ["ireland", "tokyo"]) {
      expect(JSON.parse(readFileSync(join(outdir, "stacks", stack, "cdk.tf.json"), "utf8")).resource.aws_lb.main.name).toBe("web");
    }
    expect(log[0]).toBe("Generated Terraform code for the stacks: ireland, tokyo");
    expect(log.slice(1)).toEqual(
      ["ireland", "tokyo"].map((stack) => expect.stringMatching(new RegExp(`stacks/${stack}/cdk\\.tf\\.json$`))),
    );
    // The tutorial's findings are summed up, one line per stack.
    expect(error).toEqual(
      ["ireland", "tokyo"].map(
        (stack) => `Note: ${stack}: 20 findings of the policy checks, the tutorial as written; \`npm run check\` lists them`,
      ),
    );
  });

  it("writes none of a stack the policy checks refuse, lists every error of every stack, and writes the others", () => {
    const refused = { defaults: "recommended", image: "nginx:latest" };
    const { code, outdir, log, error } = run({ "a.json": refused, "b.json": { ...refused, name: "b" }, "c.json": { name: "c" } }, (dir) =>
      mkdirSync(join(dir, "stacks", "a"), { recursive: true }),
    );
    expect(code).toBe(1);
    const errors = error.filter((line) => line.startsWith("Error: "));
    for (const stack of ["a", "b"]) {
      expect(errors).toContainEqual(
        expect.stringMatching(
          new RegExp(
            `^Error: ${stack}: \\[ECS-IMAGE-PINNED\\] aws_ecs_task_definition.main container "nginx" runs nginx:latest, which is not pinned to a version. Fix: `,
          ),
        ),
      );
      expect(errors).toContainEqual(
        expect.stringMatching(new RegExp(`^Error: ${stack}: \\[LB-HTTPS\\] aws_lb.main has no HTTPS listener`)),
      );
    }
    expect(error.at(-1)).toBe(
      'The policy checks refused a, b, not written: fix each error, or suppress it with a reason ("suppressions" in the environment file).',
    );
    expect(readdirSync(join(outdir, "stacks"))).toEqual(["c"]);
    expect(Object.keys(JSON.parse(readFileSync(join(outdir, "manifest.json"), "utf8")).stacks)).toEqual(["c"]);
    expect(log[0]).toBe("Generated Terraform code for the stacks: c");
  });

  it("writes a stack whose errors are suppressed with reasons", () => {
    const reason = "a demo without a domain";
    const suppressions = ["LB-HTTPS", "ECS-READONLY-ROOT"].map((rule) => ({ rule, reason }));
    const { code, error } = run({ "a.json": { defaults: "recommended", suppressions } });
    expect(code).toBe(0);
    expect(error.filter((line) => line.startsWith("Error"))).toEqual([]);
  });

  it("removes the folders of stacks that no longer exist, as cdktf synth does", () => {
    const { outdir } = run(twoRegions, (dir) => mkdirSync(join(dir, "stacks", "retired"), { recursive: true }));
    expect(readdirSync(join(outdir, "stacks")).sort()).toEqual(["ireland", "tokyo"]);
  });

  it("prints every problem and writes nothing when settings are refused", () => {
    const { code, outdir, log, error } = run({ "a.json": { cpu: 256, memory: 4096 }, "b.json": { desiredCount: -1 } });
    expect(code).toBe(1);
    expect(error.join("\n").split("\n")).toEqual([
      expect.stringContaining("a.json: memory: must be 512"),
      expect.stringContaining("b.json: desiredCount"),
    ]);
    expect(log).toEqual([]);
    expect(existsSync(join(outdir, "manifest.json"))).toBe(false);
  });

  it("prints the warnings of the stacks once each", () => {
    const other = anotherService("b");
    const { code, error } = run({ "a.json": {}, "b.json": other });
    expect(code).toBe(0);
    expect(error.filter((line) => line.startsWith("Warning"))).toEqual([
      expect.stringMatching(/^Warning: ap-northeast-1: 6 aws_eip .* "EC2-VPC Elastic IPs" of 5/),
    ]);
  });
});
