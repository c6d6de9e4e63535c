import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadEnvironments } from "../../src/app/environments";
import { SettingsError } from "../../src/settings/problems";

/** A folder holding these files. */
function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "environments-"));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return dir;
}

const problemsOf = (run: () => unknown): readonly string[] => {
  try {
    run();
  } catch (error) {
    if (error instanceof SettingsError) return error.problems;
    throw error;
  }
  throw new Error("expected a SettingsError");
};

describe("loadEnvironments", () => {
  it("reads the shipped environments, named after their files", () => {
    const environments = loadEnvironments("config");
    expect(environments.map((environment) => [environment.name, environment.file])).toEqual([
      ["handson-alb", "config/handson-alb.json"],
      ["handson-https", "config/handson-https.json"],
      ["handson-vpc", "config/handson-vpc.json"],
      ["handson", "config/handson.json"],
      ["lean", "config/lean.json"],
      ["production", "config/production.json"],
      ["shop", "config/shop.json"],
    ]);
    expect(environments[5].settings).toMatchObject({ name: "orders-api", natGateways: "single", defaults: "recommended" });
  });

  it("ignores schema files next to the environments", () => {
    const dir = folder({ "dev.json": "{}", "settings.schema.json": '{"type": "object"}' });
    expect(loadEnvironments(dir).map((environment) => environment.name)).toEqual(["dev"]);
  });

  it("collects the problems of every file, and rejects them all together", () => {
    const dir = folder({
      "a.json": '{"cpu": 256, "memory": 4096}',
      "b.json": '{"name": ',
      "c d.json": "{}",
      "ok.json": "{}",
    });
    expect(problemsOf(() => loadEnvironments(dir))).toEqual([
      `${join(dir, "a.json")}: memory: must be 512, 1024, 2048 MiB with cpu 256 (Fargate's valid pairs); received 4096`,
      `${join(dir, "b.json")}: line 1, column 10: must be valid JSON: a value (a string in double quotes, a number, true, false, null, an object or a list); received the end of the file`,
      `${join(dir, "c d.json")}: file name: must be a stack name (a letter, then letters, digits, - and _) and .json; received "c d.json"`,
    ]);
  });

  it("names files relative to the working directory when they are inside it", () => {
    expect(problemsOf(() => loadEnvironments("__tests__/fixtures/invalid"))).toEqual([
      '__tests__/fixtures/invalid/typo.json: contanerPort: is not a setting (did you mean "containerPort"?); settings here are ' +
        "defaults, name, addressPrefix, vpcCidr, azs, publicSubnetCidrs, privateSubnetCidrs, natGateways, describeSecurityGroupRules, closeDefaultSecurityGroup, " +
        "flowLogs, https, loadBalancer, tags, containerInsights, safeChanges, existing, notifications, githubDeployRoles, kind, image, containerName, containerPort, " +
        "cpu, memory, desiredCount, environment, healthCheck, listenerRule, serviceIngress, propagateTags, logs, secrets, secretsKmsKeyArns, taskRolePolicyStatements, deployment, autoscaling, capacity, containerHealthCheck, enableExecuteCommand, readonlyRootFilesystem, writablePaths, imageDeployedBy, alarms, serviceConnect, queue, schedule, quietHours, region, account, lastChapter, sharesStateWith, backend, policyChecks, suppressions, services; received 8080",
    ]);
  });

  it("says so when the folder has no environment, or is missing", () => {
    const empty = folder({});
    expect(problemsOf(() => loadEnvironments(empty))).toEqual([`${empty}: must contain environment files (<env>.json); received none`]);
    expect(problemsOf(() => loadEnvironments("/nonexistent"))[0]).toMatch(/^\/nonexistent: must be a folder of environment files; ENOENT/);
  });
});
