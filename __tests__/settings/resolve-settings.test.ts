import { App, TerraformStack, TerraformVariable } from "cdktf";
import { constructSource, fileSource, SettingsError } from "../../src/settings/problems";
import { resolveServiceSettings, validateEnvironment } from "../../src/settings/resolve-settings";
import type { FargateWebServiceProps } from "../../src/settings/settings";
import { TUTORIAL } from "../../src/settings/tutorial";

describe("resolveServiceSettings", () => {
  it("gives the tutorial's values when nothing is set", () => {
    expect(resolveServiceSettings({}, constructSource("x"), "ap-northeast-1")).toEqual({
      kind: "web",
      name: "handson",
      addressPrefix: undefined,
      vpcCidr: "10.0.0.0/16",
      azs: TUTORIAL.azs,
      publicSubnetCidrs: TUTORIAL.publicSubnetCidrs,
      privateSubnetCidrs: TUTORIAL.privateSubnetCidrs,
      natGateways: "per-az",
      image: "nginx:1.14",
      containerName: "nginx",
      containerPort: 80,
      cpu: 256,
      memory: 512,
      desiredCount: 1,
      environment: {},
      healthCheck: { path: "/", port: 80 },
      listenerRule: { pathPatterns: ["*"], hostHeaders: [], priority: undefined },
      serviceIngress: "vpc-cidr",
      tags: {},
      defaults: "tutorial",
      propagateTags: false,
      logs: { enabled: false, retentionDays: 30 },
      secrets: {},
      secretsKmsKeyArns: [],
      taskRolePolicyStatements: [],
      taskRole: false,
      deployment: { circuitBreaker: false, waitForSteadyState: false },
      autoscaling: undefined,
      capacity: { spotPercent: 0, useCapacityProviders: false, onDemandBase: 1 },
      enableExecuteCommand: false,
      readonlyRootFilesystem: false,
      writablePaths: [],
      https: undefined,
      loadBalancer: {
        dropInvalidHeaderFields: false,
        deletionProtection: false,
        accessLogs: false,
        accessLogsRetentionDays: 90,
        waf: false,
        unmatchedRequests: "ok",
        egress: "anywhere",
      },
      safeChanges: false,
      describeSecurityGroupRules: false,
      closeDefaultSecurityGroup: false,
      flowLogs: false,
      existing: {},
      imageDeployedBy: "apply",
      alarms: {
        enabled: false,
        targetErrorsPerMinute: 10,
        responseTimeSeconds: 2,
        unhealthyTargets: 1,
        evaluationMinutes: 3,
        rollbackDeployments: true,
      },
      notifications: { emails: [], httpsEndpoints: [] },
    });
  });

  describe("safeChanges", () => {
    const safe = (props: Parameters<typeof resolveServiceSettings>[0]) =>
      resolveServiceSettings(props, constructSource("x"), "ap-northeast-1").safeChanges;

    it("is off for the tutorial as written, its HTTPS chapter included, whose HCL replaces destroy-first", () => {
      expect(safe({})).toBe(false);
      expect(safe({ containerPort: 80, name: "handson" })).toBe(false);
      expect(safe({ https: { domain: "example.com" } })).toBe(false);
    });

    it("is on as soon as any setting differs from the tutorial's, or the recommended defaults apply", () => {
      expect(safe({ containerPort: 8080 })).toBe(true);
      expect(safe({ tags: { Team: "web" } })).toBe(true);
      expect(safe({ https: { domain: "example.com", aliases: ["www.example.com"] } })).toBe(true);
      expect(safe({ defaults: "recommended" })).toBe(true);
    });

    it("takes what the file says: true to go back to the tutorial's values on a live stack", () => {
      expect(safe({ safeChanges: true })).toBe(true);
      expect(safe({ containerPort: 8080, safeChanges: false })).toBe(false);
    });
  });

  it("gives the recommended values under defaults: recommended, and keeps what is set", () => {
    const resolved = resolveServiceSettings(
      { defaults: "recommended", deployment: { minimumHealthyPercent: 50 } },
      constructSource("x"),
      "ap-northeast-1",
    );
    expect(resolved).toMatchObject({
      serviceIngress: "alb-security-group",
      propagateTags: true,
      logs: { enabled: true, retentionDays: 30 },
      taskRole: true,
      deployment: {
        circuitBreaker: true,
        minimumHealthyPercent: 50,
        maximumPercent: 200,
        healthCheckGracePeriodSeconds: 60,
        deregistrationDelaySeconds: 30,
      },
      containerInsights: "enabled",
      name: "handson",
      natGateways: "per-az",
    });
  });

  it("keeps what is set, and derives the health check port from the container port", () => {
    const resolved = resolveServiceSettings(
      { containerPort: 8080, healthCheck: { intervalSeconds: 15 }, listenerRule: { priority: 7 } },
      constructSource("x"),
      "ap-northeast-1",
    );
    expect(resolved.healthCheck).toEqual({ path: "/", port: 8080, intervalSeconds: 15 });
    expect(resolved.listenerRule).toEqual({ pathPatterns: ["*"], hostHeaders: [], priority: 7 });
  });

  it("starts at autoscaling's minimum when no task count is given, and keeps a given one", () => {
    const autoscaling = { minCount: 2, maxCount: 4, cpuTargetPercent: 60 };
    expect(resolveServiceSettings({ autoscaling }, constructSource("x"), undefined).desiredCount).toBe(2);
    expect(resolveServiceSettings({ autoscaling, desiredCount: 3 }, constructSource("x"), undefined).desiredCount).toBe(3);
    expect(resolveServiceSettings({}, constructSource("x"), undefined).desiredCount).toBe(1);
  });

  it("does not judge values that are tokens, known only at apply", () => {
    const stack = new TerraformStack(new App(), "tokens");
    const image = new TerraformVariable(stack, "image", { type: "string" }).stringValue;
    const count = new TerraformVariable(stack, "count", { type: "number" }).numberValue;
    const zones = new TerraformVariable(stack, "zones", { type: "list(string)" }).listValue;
    const resolved = resolveServiceSettings({ image, desiredCount: count, azs: zones }, constructSource("x"), "ap-northeast-1");
    expect(resolved.image).toBe(image);
    expect(resolved.desiredCount).toBe(count);
  });

  it("throws a SettingsError whose message lists each problem on its own line", () => {
    const run = () => resolveServiceSettings({ containerPort: 0, desiredCount: -1 }, constructSource("stack/api"), undefined);
    expect(run).toThrow(SettingsError);
    expect(run).toThrow(
      "stack/api.containerPort: must be an integer from 1 to 65535; received 0\n" +
        "stack/api.desiredCount: must be an integer of at least 0; received -1",
    );
  });
});

describe("validateEnvironment", () => {
  const file = fileSource("config/staging.json");

  it("accepts the environment settings and returns them", () => {
    const settings = {
      $schema: "./settings.schema.json",
      region: "eu-west-1",
      azs: ["eu-west-1a", "eu-west-1b"],
      publicSubnetCidrs: ["10.0.1.0/24", "10.0.2.0/24"],
      privateSubnetCidrs: ["10.0.10.0/24", "10.0.20.0/24"],
    };
    expect(validateEnvironment(settings, file)).toBe(settings);
  });

  it("checks the zones against the file's region, or the default region", () => {
    expect(() => validateEnvironment({ region: "eu-west-1" }, file)).toThrow(
      'config/staging.json: azs[0]: must be an availability zone of region eu-west-1, such as eu-west-1a; received "ap-northeast-1a"',
    );
    expect(() => validateEnvironment({ azs: ["us-east-1a", "us-east-1b", "us-east-1c"] }, file)).toThrow(
      "must be an availability zone of region ap-northeast-1",
    );
  });

  it("reports region and backend problems with the service's, all at once", () => {
    const run = () => validateEnvironment({ region: "tokyo", containerPort: 0, backend: { s3: { bucket: "Bad_Bucket", key: "" } } }, file);
    expect(run).toThrow(
      new SettingsError([
        'config/staging.json: region: must be an AWS region such as ap-northeast-1; received "tokyo"',
        "config/staging.json: containerPort: must be an integer from 1 to 65535; received 0",
        "config/staging.json: backend.s3.region: is required; received nothing",
        'config/staging.json: backend.s3.bucket: must be an S3 bucket name: 3-63 lowercase letters, digits, dots and hyphens, starting and ending with a letter or digit; received "Bad_Bucket"',
        'config/staging.json: backend.s3.key: must not be empty; received ""',
      ]),
    );
  });

  it("requires the s3 block of a backend and rejects other backends", () => {
    expect(() => validateEnvironment({ backend: {} }, file)).toThrow("config/staging.json: backend.s3: is required; received nothing");
    expect(() => validateEnvironment({ backend: { gcs: {} } as never }, file)).toThrow("backend.gcs: is not a setting");
  });

  it("checks lastChapter and sharesStateWith", () => {
    expect(validateEnvironment({ lastChapter: "alb", sharesStateWith: "handson" }, file)).toEqual({
      lastChapter: "alb",
      sharesStateWith: "handson",
    });
    expect(() => validateEnvironment({ lastChapter: "https" as "vpc", sharesStateWith: "hands on" }, file)).toThrow(
      new SettingsError([
        'config/staging.json: lastChapter: must be one of "vpc", "alb", "ecs"; received "https"',
        'config/staging.json: sharesStateWith: must be the name of an environment file, without .json; received "hands on"',
      ]),
    );
  });

  it("rejects a file that is not an object", () => {
    expect(() => validateEnvironment([1, 2], file)).toThrow("config/staging.json: must be an object; received [1,2]");
  });
});

/** Every message validation gives for these props (none when they are valid), in the stack's region. */
function problems(props: FargateWebServiceProps, { region }: { region?: string } = { region: "ap-northeast-1" }): string[] {
  try {
    resolveServiceSettings(props, constructSource("app/web"), region);
    return [];
  } catch (error) {
    if (error instanceof SettingsError) return [...error.problems];
    throw error;
  }
}

/** The messages about one field, or about entries inside it (`tags.Name` for `tags`). */
const about = (field: string, props: FargateWebServiceProps) =>
  problems(props).filter((message) => [":", ".", "["].some((next) => message.startsWith(`app/web.${field}${next}`)));

const TWO_ZONES: FargateWebServiceProps = {
  azs: ["ap-northeast-1a", "ap-northeast-1c"],
  publicSubnetCidrs: ["10.0.1.0/24", "10.0.2.0/24"],
  privateSubnetCidrs: ["10.0.10.0/24", "10.0.20.0/24"],
};

interface Case {
  readonly rule: string;
  readonly field: string;
  readonly passing: FargateWebServiceProps[];
  readonly failing: FargateWebServiceProps[];
}

// GIVEN for every rule props that keep it and props that break it,
// WHEN they are validated, THEN only the breaking ones get a message about that field.
// Rules that the schema states (types, ranges, formats), through resolveServiceSettings; the rules of
// src/settings/rules/ have their own tests.
const CASES: Case[] = [
  {
    rule: "zones are not repeated, and there are at least two",
    field: "azs",
    passing: [TWO_ZONES],
    failing: [
      { azs: ["ap-northeast-1a", "ap-northeast-1a", "ap-northeast-1d"] },
      { azs: ["ap-northeast-1a"], publicSubnetCidrs: ["10.0.1.0/24"], privateSubnetCidrs: ["10.0.10.0/24"] },
    ],
  },
  {
    rule: "ports are 1-65535",
    field: "containerPort",
    passing: [{ containerPort: 1 }, { containerPort: 65535 }],
    failing: [{ containerPort: 0 }, { containerPort: 65536 }, { containerPort: 80.5 }, { containerPort: "80" as unknown as number }],
  },
  {
    rule: "the health check port is 1-65535",
    field: "healthCheck.port",
    passing: [{ healthCheck: { port: 8080 } }],
    failing: [{ healthCheck: { port: 0 } }, { healthCheck: { port: 70000 } }],
  },
  {
    rule: "desiredCount is a non-negative integer",
    field: "desiredCount",
    passing: [{ desiredCount: 0 }, { desiredCount: 10 }],
    failing: [{ desiredCount: -1 }, { desiredCount: 1.5 }],
  },
  {
    rule: "the image is a non-empty, well-formed reference",
    field: "image",
    passing: [
      { image: "nginx" },
      { image: "public.ecr.aws/nginx/nginx:1.27" },
      { image: "123456789012.dkr.ecr.eu-west-1.amazonaws.com/team/app:v1.2.3" },
      { image: `localhost:5000/app@sha256:${"a".repeat(64)}` },
    ],
    failing: [{ image: "" }, { image: "Nginx:1.14" }, { image: "nginx:" }, { image: "nginx 1.14" }, { image: "app@sha256:123" }],
  },
  {
    rule: "the container name is 1-255 letters, digits, hyphens and underscores",
    field: "containerName",
    passing: [{ containerName: "api_v2-main" }],
    failing: [{ containerName: "my app" }, { containerName: "" }],
  },
  {
    rule: "cpu is a Fargate size",
    field: "cpu",
    passing: [{ cpu: 256 }],
    failing: [{ cpu: 300 as 256 }],
  },
  {
    rule: "the health check path starts with /",
    field: "healthCheck.path",
    passing: [{ healthCheck: { path: "/healthz" } }],
    failing: [{ healthCheck: { path: "healthz" } }, { healthCheck: { path: "" } }],
  },
  {
    rule: "the health check interval is 5-300 s",
    field: "healthCheck.intervalSeconds",
    passing: [{ healthCheck: { intervalSeconds: 6 } }, { healthCheck: { intervalSeconds: 300 } }],
    failing: [{ healthCheck: { intervalSeconds: 4 } }, { healthCheck: { intervalSeconds: 301 } }],
  },
  {
    rule: "the health check timeout is 2-120 s and below the interval",
    field: "healthCheck.timeoutSeconds",
    passing: [{ healthCheck: { timeoutSeconds: 2 } }, { healthCheck: { timeoutSeconds: 120, intervalSeconds: 121 } }],
    failing: [
      { healthCheck: { timeoutSeconds: 1 } },
      { healthCheck: { timeoutSeconds: 121, intervalSeconds: 300 } },
      { healthCheck: { timeoutSeconds: 30 } },
    ],
  },
  {
    rule: "health check thresholds are 2-10",
    field: "healthCheck.healthyThreshold",
    passing: [{ healthCheck: { healthyThreshold: 2 } }, { healthCheck: { healthyThreshold: 10 } }],
    failing: [{ healthCheck: { healthyThreshold: 1 } }, { healthCheck: { healthyThreshold: 11 } }],
  },
  {
    rule: "unhealthy thresholds are 2-10",
    field: "healthCheck.unhealthyThreshold",
    passing: [{ healthCheck: { unhealthyThreshold: 10 } }],
    failing: [{ healthCheck: { unhealthyThreshold: 1 } }],
  },
  {
    rule: "the listener rule priority is 1-50000",
    field: "listenerRule.priority",
    passing: [{ listenerRule: { priority: 1 } }, { listenerRule: { priority: 50000 } }],
    failing: [{ listenerRule: { priority: 0 } }, { listenerRule: { priority: 50001 } }],
  },
  {
    rule: "path patterns are 1 to 3 (AWS's limit per condition)",
    field: "listenerRule.pathPatterns",
    passing: [{ listenerRule: { pathPatterns: ["/api/*", "/v2/*", "/v3/*"] } }],
    failing: [{ listenerRule: { pathPatterns: [] } }, { listenerRule: { pathPatterns: ["/1", "/2", "/3", "/4"] } }],
  },
  {
    rule: "natGateways and serviceIngress are one of their values",
    field: "natGateways",
    passing: [{ natGateways: "single" }, { natGateways: "none" }],
    failing: [{ natGateways: "sometimes" as "none" }],
  },
  {
    rule: "serviceIngress is one of its values",
    field: "serviceIngress",
    passing: [{ serviceIngress: "alb-security-group" }],
    failing: [{ serviceIngress: "anyone" as "vpc-cidr" }],
  },
  {
    rule: "the address prefix is a Terraform name",
    field: "addressPrefix",
    passing: [{ addressPrefix: "api_2" }],
    failing: [{ addressPrefix: "Api" }, { addressPrefix: "2api" }, { addressPrefix: "api-v2" }],
  },
  {
    rule: "environment variables have shell-safe names and string values",
    field: "environment",
    passing: [{ environment: { LOG_LEVEL: "info", _X1: "" } }],
    failing: [{ environment: { "1ST": "x" } }, { environment: { "MY-VAR": "x" } }, { environment: { PORT: 8080 as unknown as string } }],
  },
  {
    rule: "settings are known ones",
    field: "helthCheck",
    passing: [{ healthCheck: {} }],
    failing: [{ helthCheck: {} } as FargateWebServiceProps],
  },
  {
    rule: "defaults is tutorial or recommended",
    field: "defaults",
    passing: [{ defaults: "recommended" }],
    failing: [{ defaults: "safe" as "tutorial" }],
  },
  {
    rule: "propagateTags is true or false",
    field: "propagateTags",
    passing: [{ propagateTags: true }],
    failing: [{ propagateTags: "yes" as unknown as boolean }],
  },
  {
    rule: "logs.enabled is true or false",
    field: "logs.enabled",
    passing: [{ logs: { enabled: true } }],
    failing: [{ logs: { enabled: 1 as unknown as boolean } }],
  },
  {
    rule: "logs.retentionDays is one of CloudWatch's values",
    field: "logs.retentionDays",
    passing: [{ logs: { enabled: true, retentionDays: 0 } }, { logs: { enabled: true, retentionDays: 3653 } }],
    failing: [{ logs: { enabled: true, retentionDays: 31 as 30 } }],
  },
  {
    rule: "secrets map names to strings",
    field: "secrets",
    passing: [{ secrets: { A: "arn:aws:ssm:ap-northeast-1:123456789012:parameter/a" } }],
    failing: [{ secrets: { A: 1 as unknown as string } }],
  },
  {
    rule: "secretsKmsKeyArns is a list of strings",
    field: "secretsKmsKeyArns",
    passing: [{ secretsKmsKeyArns: [] }],
    failing: [{ secretsKmsKeyArns: "arn" as unknown as string[] }],
  },
  {
    rule: "a task role statement has actions and resources",
    field: "taskRolePolicyStatements[0]",
    passing: [{ taskRolePolicyStatements: [{ actions: ["s3:GetObject"], resources: ["*"] }] }],
    failing: [
      { taskRolePolicyStatements: [{ actions: [], resources: ["*"] }] },
      { taskRolePolicyStatements: [{ resources: ["*"] } as never] },
      { taskRolePolicyStatements: [{ effect: "Maybe" as "Allow", actions: ["s3:GetObject"], resources: ["*"] }] },
    ],
  },
  {
    rule: "deployment percentages are 0-100 and 100 or more",
    field: "deployment",
    passing: [{ deployment: { minimumHealthyPercent: 0, maximumPercent: 100 } }],
    failing: [
      { deployment: { minimumHealthyPercent: 101 } },
      { deployment: { maximumPercent: 99 } },
      { deployment: { circuitBreaker: "on" as unknown as boolean } },
    ],
  },
  {
    rule: "deployment timings are in AWS's ranges",
    field: "deployment",
    passing: [{ deployment: { healthCheckGracePeriodSeconds: 0, deregistrationDelaySeconds: 3600, stopTimeoutSeconds: 120 } }],
    failing: [
      { deployment: { deregistrationDelaySeconds: 3601 } },
      { deployment: { stopTimeoutSeconds: 1 } },
      { deployment: { stopTimeoutSeconds: 121 } },
    ],
  },
  {
    rule: "autoscaling has its bounds, targets in range",
    field: "autoscaling",
    passing: [{ desiredCount: 1, autoscaling: { minCount: 1, maxCount: 2, cpuTargetPercent: 100, memoryTargetPercent: 1 } }],
    failing: [
      { autoscaling: { maxCount: 2, cpuTargetPercent: 50 } as never },
      { autoscaling: { minCount: 1, maxCount: 0, cpuTargetPercent: 50 } },
      { autoscaling: { minCount: 1, maxCount: 2, cpuTargetPercent: 101 } },
      { autoscaling: { minCount: 1, maxCount: 2, requestsPerTarget: 0 } },
    ],
  },
  {
    rule: "capacity is an architecture and a Spot share from 0 to 100",
    field: "capacity",
    passing: [{ capacity: { cpuArchitecture: "ARM64", spotPercent: 100 } }],
    failing: [
      { capacity: { cpuArchitecture: "arm64" as "ARM64" } },
      { capacity: { spotPercent: 101 } },
      { capacity: { onDemandBase: -1 } },
    ],
  },
  {
    rule: "enableExecuteCommand and readonlyRootFilesystem are true or false",
    field: "enableExecuteCommand",
    passing: [{ enableExecuteCommand: true }],
    failing: [{ enableExecuteCommand: "true" as unknown as boolean }],
  },
  {
    rule: "containerInsights is one of its values",
    field: "containerInsights",
    passing: [{ containerInsights: "enhanced" }],
    failing: [{ containerInsights: "on" as "enabled" }],
  },
  {
    rule: "a container health check has a command and AWS's ranges",
    field: "containerHealthCheck",
    passing: [
      { containerHealthCheck: { command: ["CMD", "true"], intervalSeconds: 5, timeoutSeconds: 60, retries: 10, startPeriodSeconds: 300 } },
    ],
    failing: [
      { containerHealthCheck: { command: ["CMD"] } },
      { containerHealthCheck: { command: ["CMD", "true"], intervalSeconds: 4 } },
      { containerHealthCheck: { command: ["CMD", "true"], retries: 11 } },
    ],
  },
  {
    rule: "writablePaths is a list of strings",
    field: "writablePaths",
    passing: [{ writablePaths: ["/tmp"] }],
    failing: [{ writablePaths: "/tmp" as unknown as string[] }],
  },
  {
    rule: "imageDeployedBy is apply or release",
    field: "imageDeployedBy",
    passing: [{ imageDeployedBy: "release" }, { imageDeployedBy: "apply" }],
    failing: [{ imageDeployedBy: "pipeline" as "release" }],
  },
  {
    rule: "alarms' thresholds are in range",
    field: "alarms",
    passing: [
      { alarms: { enabled: true, targetErrorsPerMinute: 1, responseTimeSeconds: 0.5, unhealthyTargets: 1, evaluationMinutes: 60 } },
      { alarms: { enabled: true, rollbackDeployments: false } },
    ],
    failing: [
      { alarms: { targetErrorsPerMinute: 0 } },
      { alarms: { responseTimeSeconds: 61 } },
      { alarms: { evaluationMinutes: 0 } },
      { alarms: { unhealthyTargets: 1.5 } },
    ],
  },
  {
    rule: "notifications go to e-mail addresses and https URLs",
    field: "notifications",
    passing: [{ notifications: { emails: ["ops@example.com"], httpsEndpoints: ["https://chat.example.com/hook"] } }],
    failing: [
      { notifications: { emails: ["ops"] } },
      { notifications: { httpsEndpoints: ["http://chat.example.com/hook"] } },
      { notifications: { emails: ["ops@example.com", "ops@example.com"] } },
    ],
  },
  {
    rule: "GitHub deploy roles name a repository, an environment, a branch and the OIDC provider",
    field: "githubDeployRoles",
    passing: [
      { githubDeployRoles: { repository: "example-shop/orders-api" } },
      {
        githubDeployRoles: {
          repository: "example-shop/orders-api",
          infrastructureEnvironment: "production",
          releaseBranch: "release/2026",
          oidcProviderArn: "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com",
        },
      },
    ],
    failing: [
      { githubDeployRoles: { repository: "orders-api" } },
      { githubDeployRoles: {} as never },
      { githubDeployRoles: { repository: "a/b", oidcProviderArn: "arn:aws:iam::123456789012:oidc-provider/accounts.google.com" } },
    ],
  },
];

describe.each(CASES)("rule: $rule", ({ field, passing, failing }) => {
  it.each(passing.map((props) => [JSON.stringify(props).slice(0, 80), props]))("accepts %s", (_, props) => {
    expect(about(field, props as FargateWebServiceProps)).toEqual([]);
  });
  it.each(failing.map((props) => [JSON.stringify(props).slice(0, 80), props]))("rejects %s", (_, props) => {
    expect(about(field, props as FargateWebServiceProps)).toHaveLength(1);
  });
});

describe("messages", () => {
  it("name the field, the rule and the value received", () => {
    expect(problems({ cpu: 256, memory: 4096 })).toEqual([
      "app/web.memory: must be 512, 1024, 2048 MiB with cpu 256 (Fargate's valid pairs); received 4096",
    ]);
    expect(problems({ cpu: 4096, memory: 4096 })).toEqual([
      "app/web.memory: must be 8192 to 30720 in steps of 1024 MiB with cpu 4096 (Fargate's valid pairs); received 4096",
    ]);
    expect(problems({ containerPort: 70000 })).toEqual(["app/web.containerPort: must be an integer from 1 to 65535; received 70000"]);
    expect(problems({ name: "sg-api" })).toEqual([
      'app/web.name: must give an ALB security group name AWS accepts (here "sg-api-alb"): at most 255 characters of a-z A-Z 0-9 spaces and ._-:/()#,@[]+=&;{}!$*, not starting with sg-; received "sg-api"',
    ]);
    expect(problems({ privateSubnetCidrs: ["10.0.10.0/24", "10.0.1.0/25", "10.0.30.0/24"] })).toEqual([
      'app/web.privateSubnetCidrs[1]: must not overlap publicSubnetCidrs[0] (10.0.1.0/24); received "10.0.1.0/25"',
    ]);
    expect(problems({ azs: ["ap-northeast-1a", "eu-west-1b", "ap-northeast-1d"] })).toEqual([
      'app/web.azs[1]: must be an availability zone of region ap-northeast-1, such as ap-northeast-1a; received "eu-west-1b"',
    ]);
    expect(problems({ healthCheck: { intervalSeconds: 10, timeoutSeconds: 10 } })).toEqual([
      "app/web.healthCheck.timeoutSeconds: must be less than the interval (10 s); received 10",
    ]);
    expect(problems({ healthCheck: { intervalSeconds: 5 } })).toEqual([
      "app/web.healthCheck.intervalSeconds: must be more than the timeout (5 s, AWS's default when timeoutSeconds is unset); received 5",
    ]);
  });

  it("suggest the setting a typo meant", () => {
    expect(problems({ desiredCont: 2 } as FargateWebServiceProps)[0]).toMatch(
      /^app\/web\.desiredCont: is not a setting \(did you mean "desiredCount"\?\); settings here are defaults, name, addressPrefix, .*; received 2$/,
    );
  });

  it("list every problem at once, one per problem", () => {
    const found = problems({ name: "-x", containerPort: 0, cpu: 256, memory: 3000, healthCheck: { path: "x", matcher: "600" } });
    expect(found.map((message) => message.split(":")[0])).toEqual([
      "app/web.containerPort",
      "app/web.healthCheck.path",
      "app/web.name",
      "app/web.memory",
      "app/web.healthCheck.matcher",
    ]);
  });

  it("do not blame a rule on a setting that is already reported malformed", () => {
    // The malformed VPC is reported; the subnets are not also said to lie outside it.
    expect(problems({ vpcCidr: "10.0.0.0" })).toEqual([
      'app/web.vpcCidr: must be an IPv4 CIDR block such as 10.0.0.0/16; received "10.0.0.0"',
    ]);
    // A zone list of the wrong type is reported once, not also as a count mismatch.
    expect(problems({ azs: "ap-northeast-1a" as unknown as string[] })).toEqual([
      'app/web.azs: must be a list of strings; received "ap-northeast-1a"',
    ]);
  });

  it("skip the zone check when the stack's region is not known", () => {
    expect(
      problems(
        {
          azs: ["us-east-1a", "us-east-1b"],
          publicSubnetCidrs: TWO_ZONES.publicSubnetCidrs,
          privateSubnetCidrs: TWO_ZONES.privateSubnetCidrs,
        },
        {},
      ),
    ).toEqual([]);
  });
});

describe("resolveServiceSettings, by kind", () => {
  const resolve = (props: FargateWebServiceProps) => resolveServiceSettings(props, constructSource("x"), "ap-northeast-1");

  it("gives a worker its queue with the documented defaults, and no queue to the other kinds", () => {
    expect(resolve({ kind: "worker" }).queue).toEqual({
      visibilityTimeoutSeconds: 60,
      maxReceiveCount: 5,
      retentionDays: 4,
      deadLetterRetentionDays: 14,
      subscribeTo: [],
    });
    expect(resolve({ kind: "worker", queue: { maxReceiveCount: 3 } }).queue?.maxReceiveCount).toBe(3);
    expect(resolve({}).queue).toBeUndefined();
    expect(resolve({ kind: "internal" }).queue).toBeUndefined();
  });

  it("publishes an internal service under its name on its container port unless told otherwise", () => {
    expect(resolve({ kind: "internal", name: "orders", containerPort: 8080 }).serviceConnect).toEqual({ name: "orders", port: 8080 });
    expect(resolve({ kind: "internal", serviceConnect: { name: "api", port: 80 } }).serviceConnect).toEqual({ name: "api", port: 80 });
    expect(resolve({ kind: "web" }).serviceConnect).toBeUndefined();
  });

  it("turns the recommended alarms on for a web service only: the others have no load balancer to watch", () => {
    expect(resolve({ defaults: "recommended" }).alarms.enabled).toBe(true);
    expect(resolve({ defaults: "recommended", kind: "worker" }).alarms.enabled).toBe(false);
    expect(resolve({ defaults: "recommended", kind: "internal" }).alarms.enabled).toBe(false);
  });

  it("gives a job's schedule its defaults and keeps its expression and time zone", () => {
    expect(resolve({ kind: "job", schedule: { expression: "cron(0 3 * * ? *)", timezone: "Asia/Tokyo" } }).schedule).toEqual({
      expression: "cron(0 3 * * ? *)",
      timezone: "Asia/Tokyo",
      retries: 2,
      maxRunMinutes: 60,
      expectedRunMinutes: 5,
    });
  });
});

describe("validateEnvironment, a file without services", () => {
  it("refuses a single service that is not a web service, naming the file and the field", () => {
    expect(() =>
      validateEnvironment({ kind: "job", schedule: { expression: "rate(1 day)", timezone: "UTC" } }, fileSource("config/solo.json")),
    ).toThrow('config/solo.json: kind: must be "web" for the platform\'s first service');
  });
});
