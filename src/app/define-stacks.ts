import type { App } from "cdktf";
import { WebServiceStack } from "../constructs/web-service-stack";
import { loadEnvironments } from "./environments";

/** Environment files are read from here unless CONFIG_DIR names another folder. */
export const DEFAULT_CONFIG_DIR = "config";

/**
 * Adds one stack per environment file to an app: what `main.ts` synthesizes and what the tools
 * deploy. Every file is validated before any stack exists, so a problem leaves no partial output.
 */
export function defineStacks(app: App, configDir = process.env.CONFIG_DIR ?? DEFAULT_CONFIG_DIR): WebServiceStack[] {
  return loadEnvironments(configDir).map((environment) => new WebServiceStack(app, environment.name, environment.settings));
}
