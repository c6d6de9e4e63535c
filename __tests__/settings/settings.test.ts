import { readFileSync } from "node:fs";
import { constructSource } from "../../src/settings/problems";
import { resolveServiceSettings } from "../../src/settings/resolve-settings";
import { AWS_HEALTH_CHECK_DEFAULTS } from "../../src/settings/rules/health-check-timing";
import { TUTORIAL } from "../../src/settings/tutorial";
import {
  formatSchema,
  generateSchema,
  RULES_TABLE,
  rulesTable,
  SCHEMA_FILE,
  type Schema,
  SETTINGS_TABLE,
  settingsTable,
} from "../../tools/scripts/generate-schema";
import { readSection } from "../../tools/scripts/readme-sections";

// The interfaces of src/settings/settings.ts are the one source of the schema and the README's table.
describe("settings", () => {
  const schema = generateSchema();
  const definitions = schema.definitions;

  it("config/settings.schema.json is what `npm run schema` generates from src/settings/settings.ts", () => {
    expect(readFileSync(SCHEMA_FILE, "utf8")).toBe(formatSchema(schema));
  });

  it("the README's settings table is what `npm run schema` generates", () => {
    expect(readSection(SETTINGS_TABLE)).toBe(settingsTable(schema));
  });

  it("the README's list of settings rules is what `npm run schema` generates", () => {
    expect(readSection(RULES_TABLE)).toBe(rulesTable());
  });

  it("covers every setting the issue asks for, as optional props", () => {
    expect(Object.keys(definitions.EnvironmentFile.properties).sort()).toEqual(
      [
        "$schema",
        "account",
        "addressPrefix",
        "azs",
        "backend",
        "containerName",
        "containerPort",
        "cpu",
        "desiredCount",
        "environment",
        "healthCheck",
        "image",
        "listenerRule",
        "memory",
        "name",
        "natGateways",
        "privateSubnetCidrs",
        "publicSubnetCidrs",
        "region",
        "serviceIngress",
        "tags",
        "vpcCidr",
      ].sort(),
    );
    expect(definitions.EnvironmentFile.required).toBeUndefined();
    expect(definitions.S3BackendSettings.required).toEqual(["bucket", "key", "region"]);
  });

  it("documents a default for every optional setting", () => {
    for (const [name, definition] of Object.entries<Schema>(definitions)) {
      for (const [key, property] of Object.entries<Schema>(definition.properties ?? {})) {
        if (definition.required?.includes(key)) continue;
        expect("default" in property || "defaultDescription" in property, `${name}.${key} has no @default`).toBe(true);
      }
    }
  });

  it("documents the defaults the code applies", () => {
    const resolved: Record<string, unknown> = { ...resolveServiceSettings({}, constructSource("x"), TUTORIAL.region) };
    for (const [key, property] of Object.entries<Schema>(definitions.FargateWebServiceProps.properties)) {
      if ("default" in property) expect(resolved[key], key).toMatchObject(property.default);
    }
    for (const [key, value] of Object.entries(AWS_HEALTH_CHECK_DEFAULTS)) {
      expect(definitions.HealthCheckSettings.properties[key].default, key).toBe(value);
    }
    expect(definitions.EnvironmentFile.properties.region.default).toBe(TUTORIAL.region);
    expect(definitions.S3BackendSettings.properties.useLockfile.default).toBe(TUTORIAL.useLockfile);
  });
});
