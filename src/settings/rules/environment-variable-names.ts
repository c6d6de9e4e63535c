import type { SettingsRule } from "./rule";

const ENVIRONMENT_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

export const environmentVariableNamesRule: SettingsRule = {
  id: "environment-variable-names",
  summary: "environment variables are named with letters, digits and underscores, not starting with a digit",
  check(s, { usable }) {
    if (!usable("environment")) return [];
    return Object.keys(s.environment)
      .filter((name) => !ENVIRONMENT_NAME.test(name))
      .map((name) => ({
        path: `environment.${name}`,
        rule: "must be named with letters, digits and underscores, not starting with a digit",
        value: name,
      }));
  },
};
