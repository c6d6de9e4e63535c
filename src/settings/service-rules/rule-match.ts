import type { ResolvedServiceSettings } from "../resolved-settings";

/** The paths and hosts a service's listener rule matches; an empty list matches any. */
export interface RuleMatch {
  readonly paths: readonly string[];
  readonly hosts: readonly string[];
}

const EVERY_PATH = new Set(["*", "/*"]);

export function matchOf(settings: ResolvedServiceSettings): RuleMatch {
  return {
    // `*` and `/*` match the same requests: every path starts with a slash.
    paths: settings.listenerRule.pathPatterns.map((path) => (EVERY_PATH.has(path) ? "/*" : path)),
    hosts: settings.listenerRule.hostHeaders.map((host) => host.toLowerCase()),
  };
}

/** Whether a rule's condition values (paths or hosts) match whatever the request has. */
export function matchesAny(values: readonly string[]): boolean {
  return values.length === 0 || values.includes("/*") || values.includes("*");
}

/** Whether two rules' values claim the same requests: both match any, or they share a value. */
export function sameValues(a: readonly string[], b: readonly string[]): boolean {
  return (a.length === 0 && b.length === 0) || a.some((value) => b.includes(value));
}

/** How a rule's condition reads in a message. */
export function describeMatch({ paths, hosts }: RuleMatch): string {
  return `paths ${paths.length ? JSON.stringify(paths) : "any"} on ${hosts.length ? `hosts ${JSON.stringify(hosts)}` : "any host"}`;
}
