import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { App, Testing } from "cdktf";
import { defineStacks } from "../../src/app/define-stacks";
import { loadEnvironments } from "../../src/app/environments";
import { WebServiceStack } from "../../src/constructs/web-service-stack";
import { SettingsError } from "../../src/settings/problems";
import { anotherService } from "../helpers";

describe("defineStacks", () => {
  it("makes one stack per environment file of config/, named after it", () => {
    const stacks = defineStacks(new App({ outdir: mkdtempSync(join(tmpdir(), "app-")) }));
    expect(stacks.map((stack) => [stack.node.id, stack.constructor.name])).toEqual([
      ["handson-alb", "TutorialChapterStack"],
      ["handson-https", "WebServiceStack"],
      ["handson-vpc", "TutorialChapterStack"],
      ["handson", "WebServiceStack"],
      ["lean", "WebServiceStack"],
      ["production", "WebServiceStack"],
      ["shop", "WebServiceStack"],
    ]);
  });

  it("reads another folder named by CONFIG_DIR", () => {
    const dir = mkdtempSync(join(tmpdir(), "config-"));
    writeFileSync(join(dir, "staging.json"), JSON.stringify({ name: "staging", desiredCount: 2 }));
    process.env.CONFIG_DIR = dir;
    try {
      const stacks = defineStacks(new App({ outdir: mkdtempSync(join(tmpdir(), "app-")) }));
      expect(stacks.map((stack) => [stack.node.id, (stack as WebServiceStack).service.settings.desiredCount])).toEqual([["staging", 2]]);
    } finally {
      delete process.env.CONFIG_DIR;
    }
  });

  it("creates no stack and writes nothing when any file is invalid", () => {
    const dir = mkdtempSync(join(tmpdir(), "config-"));
    writeFileSync(join(dir, "good.json"), "{}");
    writeFileSync(join(dir, "bad.json"), JSON.stringify({ desiredCount: -1 }));
    const outdir = mkdtempSync(join(tmpdir(), "app-"));
    const app = new App({ outdir });
    expect(() => defineStacks(app, dir)).toThrow(SettingsError);
    expect(app.node.children).toEqual([]);
    expect(existsSync(join(outdir, "stacks")) ? readdirSync(join(outdir, "stacks")) : []).toEqual([]);
  });

  it("refuses environments that would fight over one name in AWS, before anything is written", () => {
    const dir = mkdtempSync(join(tmpdir(), "config-"));
    writeFileSync(join(dir, "a.json"), "{}");
    writeFileSync(join(dir, "b.json"), "{}");
    expect(() => defineStacks(new App({ outdir: mkdtempSync(join(tmpdir(), "app-")) }), dir)).toThrow(
      new RegExp(`^${join(dir, "b.json")}: name: must differ from ${join(dir, "a.json")}'s: both claim load balancer "handson"`),
    );
  });

  it("warns on the stacks of environments that exceed an adjustable quota together", () => {
    const dir = mkdtempSync(join(tmpdir(), "config-"));
    for (const [index, name] of ["a", "b"].entries())
      writeFileSync(join(dir, `${name}.json`), JSON.stringify(anotherService(name, index + 1)));
    const stacks = defineStacks(new App({ outdir: mkdtempSync(join(tmpdir(), "app-")) }), dir);
    for (const stack of stacks) {
      expect(stack.node.metadata.map((entry) => [entry.type, entry.data])).toEqual([
        ["@cdktf/warn", expect.stringContaining('"EC2-VPC Elastic IPs" of 5')],
      ]);
    }
  });

  it("writes the same Terraform as a WebServiceStack of the same settings (without cdktf's pass for cross-stack references)", () => {
    const outdir = (name: string) => mkdtempSync(join(tmpdir(), `${name}-`));
    const fromFiles = new App({ outdir: outdir("files") });
    defineStacks(fromFiles);
    fromFiles.synth();
    const byHand = new App({ outdir: outdir("hand") });
    for (const { name, settings } of loadEnvironments("config")) new WebServiceStack(byHand, name, settings);
    byHand.synth();
    const written = (app: App, stack: string) => readFileSync(join(app.outdir, "stacks", stack, "cdk.tf.json"), "utf8");
    for (const stack of ["handson", "production"]) expect(written(fromFiles, stack)).toBe(written(byHand, stack));
  });

  describe("environments sharing a state", () => {
    const folderOf = (files: Record<string, unknown>) => {
      const dir = mkdtempSync(join(tmpdir(), "config-"));
      for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, `${name}.json`), JSON.stringify(content));
      return dir;
    };
    const app = () => new App({ outdir: mkdtempSync(join(tmpdir(), "app-")) });
    const s3 = { s3: { bucket: "shared-state", key: "web.tfstate", region: "ap-northeast-1" } };

    it("are stages of one deployment: same names, same state, no clash; each takes the other's backend", () => {
      const dir = folderOf({ web: { backend: s3 }, "web-vpc": { lastChapter: "vpc", sharesStateWith: "web" } });
      const stacks = defineStacks(app(), dir);
      expect(stacks.map((stack) => [stack.node.id, stack.constructor.name])).toEqual([
        ["web-vpc", "TutorialChapterStack"],
        ["web", "WebServiceStack"],
      ]);
      expect(Testing.synth(stacks[0])).toContain('"key": "web.tfstate"');
    });

    it("must name an environment of the folder that has a state of its own, and no other backend", () => {
      const dir = folderOf({
        a: {},
        b: { sharesStateWith: "a", name: "b" },
        c: { sharesStateWith: "b", name: "c" },
        d: { sharesStateWith: "nowhere", name: "d" },
        e: { sharesStateWith: "a", name: "e", backend: s3 },
      });
      expect(() => defineStacks(app(), dir)).toThrow(
        new SettingsError([
          `${join(dir, "c.json")}: sharesStateWith: must name an environment with a state of its own; ${join(dir, "b.json")} shares "a"'s; received "b"`,
          `${join(dir, "d.json")}: sharesStateWith: must name another environment file of ${dir}; received "nowhere"`,
          `${join(dir, "e.json")}: backend: must be left out, or be ${join(dir, "a.json")}'s, whose state this environment shares; received ${JSON.stringify(s3)}`,
        ]),
      );
    });
  });
});
