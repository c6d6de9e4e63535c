import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { App, TerraformStack } from "cdktf";
import { defineStacks } from "../../src/app/define-stacks";
import { synthesizeEveryStack } from "../../src/app/synthesize";
import { SettingsError } from "../../src/settings/problems";
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
