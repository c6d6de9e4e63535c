import { readdirSync } from "node:fs";
import { basename, join, relative, resolve } from "node:path";
import { fileSource, SettingsError } from "../settings/problems";
import { validateEnvironment } from "../settings/resolve-settings";
import type { EnvironmentSettings } from "../settings/settings";
import { readJsonFile } from "./read-json-file";

/** One environment file: the stack it becomes is named after the file. */
export interface Environment {
  readonly name: string;
  readonly file: string;
  readonly settings: EnvironmentSettings;
}

const STACK_NAME = /^[A-Za-z][A-Za-z0-9_-]*$/;

/**
 * Reads and validates every environment file (`*.json`, not `*.schema.json`) of a folder. Problems
 * in any file are collected and thrown together, so one run shows all of them.
 */
export function loadEnvironments(dir: string): Environment[] {
  const entries = (() => {
    try {
      return readdirSync(dir)
        .filter((entry) => entry.endsWith(".json") && !entry.endsWith(".schema.json"))
        .sort();
    } catch (error) {
      throw new SettingsError([`${dir}: must be a folder of environment files; ${(error as Error).message}`]);
    }
  })();
  if (!entries.length) throw new SettingsError([`${dir}: must contain environment files (<env>.json); received none`]);

  const problems: string[] = [];
  const environments: Environment[] = [];
  for (const entry of entries) {
    const path = join(dir, entry);
    const fromHere = relative(process.cwd(), path);
    const file = fromHere.startsWith("..") ? resolve(path) : fromHere;
    const name = basename(entry, ".json");
    if (!STACK_NAME.test(name)) {
      problems.push(`${file}: file name: must be a stack name (a letter, then letters, digits, - and _) and .json; received "${entry}"`);
      continue;
    }
    const read = readJsonFile(path, file);
    if ("problems" in read) {
      problems.push(...read.problems);
      continue;
    }
    try {
      environments.push({ name, file, settings: validateEnvironment(read.value, fileSource(file)) });
    } catch (error) {
      if (!(error instanceof SettingsError)) throw error;
      problems.push(...error.problems);
    }
  }
  if (problems.length) throw new SettingsError(problems);
  return environments;
}
