import { existsSync, readdirSync, rmSync } from "node:fs";
import { join, relative } from "node:path";
import { AnnotationMetadataEntryType, App, Manifest } from "cdktf";
import { SettingsError } from "../settings/problems";
import { defineStacks } from "./define-stacks";

/** Where the lines of a synth go: the summary to one stream, problems and warnings to the other. */
export interface SynthOutput {
  log(line: string): void;
  error(line: string): void;
}

/**
 * What `npm run synth` does in one Node process, and what cdktf's CLI runs as the app: every
 * environment file validated, then written as cdktf.out/manifest.json and one
 * cdktf.out/stacks/<env>/cdk.tf.json per stack (what `cdktf synth` writes, so `cdktf
 * deploy/diff/destroy` work on it), stacks no longer defined removed (as `cdktf synth` does), and
 * what was written printed. Returns the exit code: 1 when settings are refused, nothing written.
 */
export function synthesizeEnvironments(output: SynthOutput = console): number {
  const app = new App();
  const stacksDir = join(app.outdir, Manifest.stacksFolder);
  const existing = existsSync(stacksDir) ? readdirSync(stacksDir) : [];
  try {
    defineStacks(app);
  } catch (error) {
    if (!(error instanceof SettingsError)) throw error;
    output.error(error.message);
    return 1;
  }
  app.synth();

  const written = Object.values(app.manifest.stacks);
  for (const orphan of existing.filter((name) => !app.manifest.stacks[name])) {
    rmSync(join(stacksDir, orphan), { recursive: true, force: true });
  }
  // Run by cdktf's CLI, the CLI prints the annotations itself.
  if (!process.env.CDKTF_CONTINUE_SYNTH_ON_ERROR_ANNOTATIONS) {
    const warnings = new Set(
      written.flatMap((stack) => stack.annotations.filter((a) => a.level === AnnotationMetadataEntryType.WARN).map((a) => a.message)),
    );
    for (const warning of warnings) output.error(`Warning: ${warning}`);
  }
  output.log(`Generated Terraform code for the stacks: ${written.map((stack) => stack.name).join(", ")}`);
  for (const stack of written) output.log(`  ${relative(process.cwd(), join(app.outdir, stack.synthesizedStackPath))}`);
  return 0;
}
