import { readFileSync } from "node:fs";
import { constructSource } from "../../src/settings/problems";
import { policyChecksMode, resolveServiceSettings } from "../../src/settings/resolve-settings";
import { AWS_HEALTH_CHECK_DEFAULTS } from "../../src/settings/rules/health-check-timing";
import { TUTORIAL } from "../../src/settings/tutorial";
import { LANGUAGES, readSection } from "../../tools/scripts/doc-sections";
import {
  formatSchema,
  generateSchema,
  RULES_TABLE,
  rulesTable,
  SCHEMA_FILE,
  type Schema,
  SETTINGS_TABLE,
  SHOP_FILE,
  settingsTable,
  shopFile,
} from "../../tools/scripts/generate-schema";

// The interfaces of src/settings/settings.ts are the one source of the schema and the settings reference.
describe("settings", () => {
  const schema = generateSchema();
  const definitions = schema.definitions;

  it("config/settings.schema.json is what `npm run schema` generates from src/settings/settings.ts", () => {
    expect(readFileSync(SCHEMA_FILE, "utf8")).toBe(formatSchema(schema));
  });

  it.each(LANGUAGES)("the settings reference's table (%s) is what `npm run schema` generates", (language) => {
    expect(readSection(SETTINGS_TABLE, language)).toBe(settingsTable(schema, language));
  });

  it.each(LANGUAGES)("the settings reference's tables (%s) escape < and > outside code spans only, as GitHub shows them", (language) => {
    for (const table of [settingsTable(schema, language), rulesTable(language)]) {
      expect(table.match(/`[^`\n]*&[lg]t;[^`\n]*`/g) ?? []).toEqual([]);
      expect(table.replace(/`[^`\n]*`/g, "")).not.toMatch(/[<>]/);
    }
    expect(settingsTable(schema, language)).toContain("`/ecs/<name>`");
  });

  it("the platform page's three-service example is config/shop.json as it is", () => {
    expect(readSection(SHOP_FILE)).toBe(shopFile());
    expect(shopFile()).toContain('"services": {');
  });

  it.each(LANGUAGES)("the settings reference's list of rules (%s) is what `npm run schema` generates", (language) => {
    expect(readSection(RULES_TABLE, language)).toBe(rulesTable(language));
  });

  it("covers every setting the issues ask for, as optional props", () => {
    expect(Object.keys(definitions.EnvironmentFile.properties).sort()).toEqual(
      [
        "$schema",
        "account",
        "addressPrefix",
        "autoscaling",
        "azs",
        "backend",
        "capacity",
        "closeDefaultSecurityGroup",
        "containerHealthCheck",
        "containerInsights",
        "containerName",
        "containerPort",
        "cpu",
        "defaults",
        "deployment",
        "describeSecurityGroupRules",
        "desiredCount",
        "enableExecuteCommand",
        "environment",
        "existing",
        "flowLogs",
        "githubDeployRoles",
        "healthCheck",
        "https",
        "lastChapter",
        "loadBalancer",
        "sharesStateWith",
        "image",
        "imageDeployedBy",
        "kind",
        "schedule",
        "alarms",
        "notifications",
        "listenerRule",
        "logs",
        "memory",
        "name",
        "natGateways",
        "policyChecks",
        "privateSubnetCidrs",
        "propagateTags",
        "publicSubnetCidrs",
        "queue",
        "quietHours",
        "readonlyRootFilesystem",
        "safeChanges",
        "region",
        "secrets",
        "secretsKmsKeyArns",
        "serviceConnect",
        "serviceIngress",
        "services",
        "suppressions",
        "tags",
        "taskRolePolicyStatements",
        "vpcCidr",
        "writablePaths",
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

  // Every documented default, in both modes, against what resolveServiceSettings applies: a value,
  // or for a prose default marked "(not written)", nothing at all.
  it.each(["tutorial", "recommended"] as const)("documents the %s defaults the code applies", (mode) => {
    const resolved: Record<string, unknown> = { ...resolveServiceSettings({ defaults: mode }, constructSource("x"), TUTORIAL.region) };
    const documented = (property: Schema) =>
      mode === "recommended" && "recommended" in property ? property.recommended : property.default;
    const check = (properties: Record<string, Schema>, actual: Record<string, unknown>, path: string) => {
      for (const [key, property] of Object.entries(properties)) {
        if (key === "defaults") continue;
        const value = documented(property);
        const isGroup = typeof value === "object" && value !== null && !Array.isArray(value);
        if (isGroup) expect(actual[key], `${path}${key}`).toMatchObject(value);
        else if (value !== undefined) expect(actual[key], `${path}${key}`).toEqual(value);
        else if (String(property.defaultDescription).endsWith("(not written)")) expect(actual[key], `${path}${key}`).toBeUndefined();
      }
    };
    check(definitions.FargateWebServiceProps.properties, resolved, "");
    for (const group of ["logs", "deployment", "capacity"]) {
      const definition = definitions[definitions.FargateWebServiceProps.properties[group].$ref.split("/").pop()];
      check(definition.properties, resolved[group] as Record<string, unknown>, `${group}.`);
    }
    for (const [key, value] of Object.entries(AWS_HEALTH_CHECK_DEFAULTS)) {
      expect(definitions.HealthCheckSettings.properties[key].default, key).toBe(value);
    }
    expect(definitions.EnvironmentFile.properties.region.default).toBe(TUTORIAL.region);
    const policyChecks = definitions.EnvironmentFile.properties.policyChecks;
    expect(policyChecksMode({ defaults: mode })).toBe(documented(policyChecks));
    expect(definitions.S3BackendSettings.properties.useLockfile.default).toBe(TUTORIAL.useLockfile);
  });
});
