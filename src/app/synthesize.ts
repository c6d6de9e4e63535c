import { existsSync, readdirSync, rmSync } from "node:fs";
import { join, relative } from "node:path";
import { AnnotationMetadataEntryType, App, Manifest, type StackManifest, TerraformStack } from "cdktf";
import { TUTORIAL_AS_WRITTEN } from "../checks/policy-checks";
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
 * what was written printed. Returns the exit code: 1 when settings are refused, nothing written,
 * or when the policy checks refuse a stack, which is then not written (the others are).
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
  const refused = synthesizeEveryStack(app);

  const written = Object.values(app.manifest.stacks);
  const stacks = [...written, ...refused.values()];
  // A refused stack leaves no folder, neither the one cdktf made for it nor an earlier synth's.
  for (const orphan of [...new Set([...existing, ...refused.keys()])].filter((name) => !app.manifest.stacks[name])) {
    rmSync(join(stacksDir, orphan), { recursive: true, force: true });
  }
  // Run by cdktf's CLI, the CLI prints the annotations itself.
  if (!process.env.CDKTF_CONTINUE_SYNTH_ON_ERROR_ANNOTATIONS) {
    const tutorialMark = `(${TUTORIAL_AS_WRITTEN})`;
    const warningsOf = (stack: (typeof stacks)[number]) =>
      stack.annotations.filter((a) => a.level === AnnotationMetadataEntryType.WARN).map((a) => a.message);
    const warnings = new Set(stacks.flatMap((stack) => warningsOf(stack).filter((message) => !message.endsWith(tutorialMark))));
    for (const warning of warnings) output.error(`Warning: ${warning}`);
    // The tutorial's findings are a lesson, not news at every synth: one line per stack.
    for (const stack of stacks) {
      const lesson = new Set(warningsOf(stack).filter((message) => message.endsWith(tutorialMark))).size;
      if (lesson)
        output.error(`Note: ${stack.name}: ${lesson} findings of the policy checks, ${TUTORIAL_AS_WRITTEN}; \`npm run check\` lists them`);
    }
    for (const stack of stacks.filter((one) => refused.has(one.name))) {
      for (const error of stack.annotations.filter((a) => a.level === AnnotationMetadataEntryType.ERROR)) {
        output.error(`Error: ${stack.name}: ${error.message}`);
      }
    }
  }
  if (written.length) output.log(`Generated Terraform code for the stacks: ${written.map((stack) => stack.name).join(", ")}`);
  for (const stack of written) output.log(`  ${relative(process.cwd(), join(app.outdir, stack.synthesizedStackPath))}`);
  if (!refused.size) return 0;
  output.error(
    `The policy checks refused ${[...refused.keys()].join(", ")}, not written: fix each error, or suppress it with a reason ("suppressions" in the environment file).`,
  );
  return 1;
}

/**
 * cdktf stops at the first stack with an error annotation; this lets every stack synthesize, so
 * that all refusals are listed at once. A refused stack writes nothing, and is taken out of the
 * manifest (which `cdktf deploy --skip-synth` would follow to nothing). Returns the refused stacks,
 * by name, with their manifest entries and so their annotations.
 */
export function synthesizeEveryStack(app: App): Map<string, StackManifest> {
  const refused = new Map<string, StackManifest>();
  for (const stack of app.node.findAll().filter(TerraformStack.isStack)) {
    const synthesizer = stack.synthesizer;
    stack.synthesizer = {
      synthesize(session) {
        try {
          synthesizer.synthesize(session);
        } catch (error) {
          const entry = session.manifest.stacks[stack.node.id];
          if (!entry?.annotations.some((a) => a.level === AnnotationMetadataEntryType.ERROR)) throw error;
          refused.set(stack.node.id, entry);
          delete session.manifest.stacks[stack.node.id];
        }
      },
    };
  }
  app.synth();
  return refused;
}
