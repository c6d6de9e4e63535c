import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { App, TerraformStack, Testing } from "cdktf";
import { defineStacks } from "../../src/app/define-stacks";
import { loadEnvironments } from "../../src/app/environments";
import { synthesizeEveryStack } from "../../src/app/synthesize";
import { WebServiceStack } from "../../src/constructs/web-service-stack";
import { SettingsError } from "../../src/settings/problems";
import type { EnvironmentSettings } from "../../src/settings/settings";
import { TUTORIAL } from "../../src/settings/tutorial";
import type { TerraformJson } from "../../src/terraform/terraform-json";

/** A synthesized environment: its stack, and the Terraform written for it with its region, unless the policy checks refused it. */
export interface SynthesizedEnvironment {
  readonly name: string;
  readonly stack: TerraformStack;
  readonly written?: { readonly json: TerraformJson; readonly region: string };
}

/**
 * Synthesizes the environments (all, or those named) in a folder of its own, for the scripts that
 * read them (`cost`, `check`): a settings problem or an unknown name ends the process with a message.
 * A stack the policy checks refuse has no Terraform written.
 */
export function synthesizedEnvironments(names: readonly string[], script = "synth"): SynthesizedEnvironment[] {
  const outdir = mkdtempSync(join(tmpdir(), `${script}-`));
  try {
    const app = new App({ outdir });
    try {
      defineStacks(app);
    } catch (error) {
      if (!(error instanceof SettingsError)) throw error;
      console.error(error.message);
      process.exit(1);
    }
    const stacks = app.node.findAll().filter(TerraformStack.isStack);
    const unknown = names.filter((name) => !stacks.some((stack) => stack.node.id === name));
    if (unknown.length) {
      console.error(`${script}: no environment ${unknown.join(", ")}; there are ${stacks.map((stack) => stack.node.id).join(", ")}`);
      process.exit(1);
    }
    const refused = synthesizeEveryStack(app);
    return stacks
      .filter((stack) => !names.length || names.includes(stack.node.id))
      .map((stack) => {
        if (refused.has(stack.node.id)) return { name: stack.node.id, stack };
        const json = JSON.parse(readFileSync(join(outdir, "stacks", stack.node.id, "cdk.tf.json"), "utf8"));
        return { name: stack.node.id, stack, written: { json, region: json.provider.aws[0].region } };
      });
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

const CONFIG_DIR = join(__dirname, "..", "..", "config");

/** The shipped environments that are whole deployments: not the hands-on's stages that share another's state. */
export const shippedDeployments = () =>
  loadEnvironments(CONFIG_DIR).filter(({ settings }) => !settings.lastChapter && !settings.sharesStateWith);

/**
 * The Terraform of each of these settings as a WebServiceStack writes it, made in memory (for the
 * README's generated figures and diagrams, which need no files and no validation pass), with its region.
 */
export function terraformOfEach(
  environments: readonly (readonly [string, EnvironmentSettings])[],
): { name: string; json: TerraformJson; region: string }[] {
  const outdir = mkdtempSync(join(tmpdir(), "terraform-"));
  try {
    return environments.map(([name, settings]) => ({
      name,
      json: JSON.parse(Testing.synth(new WebServiceStack(new App({ outdir }), name, settings))),
      region: settings.region ?? TUTORIAL.region,
    }));
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}
