// `npm run import:copilot -- <manifest.yml>… [--name <env>] [--env <copilot-env>] [--out config/<env>.json] [--force]`:
// writes an environment file from AWS Copilot manifests, the first a Load Balanced Web Service,
// checked as any environment file is, and prints what it approximated or left out.

import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { parseArgs } from "node:util";
import { parse } from "yaml";
import { type CopilotManifest, importManifests } from "../../src/copilot/import-manifest";
import { fileSource, SettingsError } from "../../src/settings/problems";
import { validateEnvironment } from "../../src/settings/resolve-settings";

const USAGE =
  "usage: npm run import:copilot -- <manifest.yml> [more manifests…] [--name <env>] [--env <copilot-env>] [--out config/<env>.json] [--force]";

/** Exit codes: written; refused (manifests, settings or an existing file); a command line it cannot read. */
const EXIT = { written: 0, refused: 1, usage: 2 } as const;

function main(): number {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      name: { type: "string" },
      env: { type: "string" },
      out: { type: "string" },
      force: { type: "boolean", default: false },
    },
  });
  if (positionals.length === 0) {
    console.error(USAGE);
    return EXIT.usage;
  }
  const manifests: CopilotManifest[] = [];
  for (const source of positionals) {
    if (!existsSync(source)) {
      console.error(`${source}: no such manifest`);
      return EXIT.usage;
    }
    try {
      manifests.push({ source, document: parse(readFileSync(source, "utf8")) });
    } catch (error) {
      console.error(`${source}: not YAML: ${(error as Error).message}`);
      return EXIT.refused;
    }
  }
  const { settings, notes, problems } = importManifests(manifests, { name: values.name, copilotEnvironment: values.env });
  // The notes are what the reader finishes by hand: stderr, so that they are seen whatever happens to stdout.
  for (const note of notes) console.error(`note: ${note}`);
  if (problems.length) {
    for (const problem of problems) console.error(problem);
    return EXIT.refused;
  }
  const out = values.out ?? join("config", `${settings.name}.json`);
  const schema = relative(dirname(out), join("config", "settings.schema.json"));
  const file = { $schema: schema.startsWith(".") ? schema : `./${schema}`, ...settings };
  try {
    validateEnvironment(file, fileSource(out));
  } catch (error) {
    if (!(error instanceof SettingsError)) throw error;
    for (const problem of error.problems) console.error(problem);
    return EXIT.refused;
  }
  if (existsSync(out) && !values.force) {
    console.error(`${out}: exists already; give --force to replace it`);
    return EXIT.refused;
  }
  writeFileSync(out, `${JSON.stringify(file, null, 2)}\n`);
  console.error(`${out}: written from ${positionals.length} manifest${positionals.length === 1 ? "" : "s"}`);
  return EXIT.written;
}

try {
  process.exit(main());
} catch (error) {
  console.error(`import:copilot: ${(error as Error).message}`);
  process.exit(EXIT.refused);
}
