import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Testing } from "cdktf";
import { parse } from "yaml";
import { WebServiceStack } from "../../src/constructs/web-service-stack";
import { scheduleExpression } from "../../src/copilot/copilot-values";
import { type CopilotManifest, importManifests } from "../../src/copilot/import-manifest";
import { fileSource } from "../../src/settings/problems";
import { validateEnvironment } from "../../src/settings/resolve-settings";
import { addresses, synthesize } from "../helpers";

const IMAGE = "123456789012.dkr.ecr.ap-northeast-1.amazonaws.com/app:1.0";
const WEB = { name: "web", type: "Load Balanced Web Service", image: { location: IMAGE, port: 80 }, http: { path: "/" } };

/** One manifest, named after its service. */
const manifest = (document: Record<string, unknown>): CopilotManifest => ({ source: `${String(document.name)}.yml`, document });

/** A web service's import, or another kind's after the web service every environment starts with. */
function imported(document: Record<string, unknown>, environment?: string) {
  const manifests = document.type === WEB.type ? [manifest(document)] : [manifest(WEB), manifest(document)];
  const result = importManifests(manifests, { copilotEnvironment: environment });
  // biome-ignore lint/suspicious/noExplicitAny: the imported service, read field by field
  const service = result.settings.services?.[String(document.name).toLowerCase()] as any;
  return { ...result, service };
}

const web = (fields: Record<string, unknown>) => imported({ ...WEB, ...fields });

describe("importManifests: the types", () => {
  it.each([
    ["Load Balanced Web Service", "web"],
    ["Backend Service", "internal"],
    ["Worker Service", "worker"],
    ["Scheduled Job", "job"],
  ])("%s is kind %s", (type, kind) => {
    const extra = type === "Scheduled Job" ? { on: { schedule: "@daily" } } : {};
    const { service, problems } = imported({ name: "one", type, image: { location: IMAGE }, ...extra });
    expect(problems).toEqual([]);
    expect(service.kind).toBe(kind);
  });

  it.each([
    ["Request-Driven Web Service", "App Runner is another service than ECS"],
    ["Static Site", "a static site is S3 and CloudFront"],
  ])("refuses a %s, saying why", (type, why) => {
    const { problems } = imported({ name: "one", type, image: { location: IMAGE } });
    expect(problems).toEqual([expect.stringContaining(`one.yml: type: is not built here: ${why}`)]);
  });

  it("refuses a first manifest that is not a Load Balanced Web Service, naming the one to give first", () => {
    const worker = manifest({ name: "worker", type: "Worker Service", image: { location: IMAGE } });
    const { problems } = importManifests([worker, manifest(WEB)]);
    expect(problems).toEqual([
      expect.stringMatching(
        /^worker\.yml: type: the first manifest must be a Load Balanced Web Service: .*; give web\.yml first; received "Worker Service"$/,
      ),
    ]);
    expect(importManifests([worker]).problems).toEqual([expect.not.stringContaining("give")]);
  });

  it("takes the service id from the name, lowercased, and refuses one that is not an id", () => {
    expect(Object.keys(importManifests([manifest({ ...WEB, name: "Frontend" })]).settings.services!)).toEqual(["frontend"]);
    expect(web({ name: "front_end" }).problems).toEqual([expect.stringContaining("front_end.yml: name: must be 1-20 lowercase letters")]);
    expect(web({ name: "a-name-longer-than-twenty" }).problems).toHaveLength(1);
    expect(importManifests([manifest(WEB), manifest(WEB)]).problems).toEqual([expect.stringContaining("web.yml: name: must differ")]);
  });

  it("names the environment after the first service unless told", () => {
    expect(importManifests([manifest(WEB)]).settings.name).toBe("web");
    expect(importManifests([manifest(WEB)], { name: "shop" }).settings.name).toBe("shop");
  });
});

describe("importManifests: the container", () => {
  it("takes image.location and image.port, and refuses image.build", () => {
    expect(web({}).service).toMatchObject({ image: IMAGE, containerPort: 80 });
    expect(web({ image: { build: "./Dockerfile", port: 80 } }).problems).toEqual([
      'web.yml: image.build: build the image in your pipeline and give image.location; received "./Dockerfile"',
    ]);
    expect(web({ image: { port: 80 } }).problems).toEqual([expect.stringContaining("web.yml: image.location: must be the image")]);
  });

  it("takes cpu, memory and platform linux/arm64", () => {
    expect(web({ cpu: 1024, memory: 2048, platform: "linux/arm64" }).service).toMatchObject({
      cpu: 1024,
      memory: 2048,
      capacity: { cpuArchitecture: "ARM64" },
    });
    expect(web({ platform: "linux/x86_64" }).service.capacity).toBeUndefined();
    expect(web({ platform: { osfamily: "linux", architecture: "arm64" } }).service.capacity).toEqual({ cpuArchitecture: "ARM64" });
    expect(web({ platform: "windows/x86_64" }).problems).toEqual([expect.stringContaining("Windows containers are not built here")]);
  });

  it("takes the container's health check, with Copilot's defaults for what it leaves out", () => {
    const command = ["CMD-SHELL", "curl -f http://localhost/ || exit 1"];
    expect(
      web({ image: { location: IMAGE, healthcheck: { command, interval: "20s", retries: 4, timeout: "3s", start_period: "1m" } } }).service
        .containerHealthCheck,
    ).toEqual({
      command,
      intervalSeconds: 20,
      retries: 4,
      timeoutSeconds: 3,
      startPeriodSeconds: 60,
    });
    expect(web({ healthcheck: { command } }).service.containerHealthCheck).toEqual({
      command,
      intervalSeconds: 10,
      retries: 2,
      timeoutSeconds: 5,
      startPeriodSeconds: 0,
    });
  });

  it("takes variables as strings, and secrets that are ARNs, noting the others", () => {
    const ssm = "arn:aws:ssm:ap-northeast-1:123456789012:parameter/token";
    const secret = "arn:aws:secretsmanager:ap-northeast-1:123456789012:secret:db";
    const { service, notes } = web({
      variables: { LOG_LEVEL: "info", WORKERS: 4, FROM_STACK: { from_cfn: "stack-export" } },
      secrets: { TOKEN: ssm, DB: { secretsmanager: secret }, GITHUB_TOKEN: "GITHUB_TOKEN" },
    });
    expect(service.environment).toEqual({ LOG_LEVEL: "info", WORKERS: "4" });
    expect(service.secrets).toEqual({ TOKEN: ssm, DB: secret });
    expect(notes).toEqual([
      'web.yml: not imported: variables.FROM_STACK ({"from_cfn":"stack-export"}): give its value',
      "web.yml: secrets.GITHUB_TOKEN: \"GITHUB_TOKEN\" is not an ARN: give the parameter's or secret's ARN in secrets.GITHUB_TOKEN",
    ]);
  });

  it("takes exec, logging.retention, storage.readonly_fs and deployment.rolling recreate", () => {
    expect(
      web({ exec: true, logging: { retention: 14 }, storage: { readonly_fs: true }, deployment: { rolling: "recreate" } }).service,
    ).toMatchObject({
      enableExecuteCommand: true,
      logs: { enabled: true, retentionDays: 14 },
      readonlyRootFilesystem: true,
      deployment: { minimumHealthyPercent: 0 },
    });
    expect(web({ deployment: { rolling: "default" } }).service.deployment).toBeUndefined();
  });
});

describe("importManifests: count", () => {
  it("takes a number as desiredCount", () => {
    expect(web({ count: 3 }).service.desiredCount).toBe(3);
  });

  it("takes a range and the scaling targets, as a value or a map", () => {
    const { service, notes } = web({
      count: { range: "1-10", cpu_percentage: 70, memory_percentage: { value: 80, cooldown: { in: "80s" } }, requests: 30 },
    });
    expect(service.autoscaling).toEqual({
      minCount: 1,
      maxCount: 10,
      cpuTargetPercent: 70,
      memoryTargetPercent: 80,
      requestsPerTarget: 30,
    });
    expect(notes).toEqual(["web.yml: not imported: count.memory_percentage.cooldown"]);
  });

  it("refuses scaling targets without a range", () => {
    expect(web({ count: { cpu_percentage: 70 } }).problems).toEqual([expect.stringContaining("web.yml: count.range: must be given")]);
  });

  it("runs count.spot's tasks on Fargate Spot, with no on-demand base", () => {
    const { service, notes } = web({ count: { spot: 5 } });
    expect(service).toMatchObject({ desiredCount: 5, capacity: { spotPercent: 100, onDemandBase: 0 } });
    expect(notes).toEqual([expect.stringContaining("count.spot: 5 tasks, every one on Fargate Spot")]);
  });

  it("puts the tasks before range.spot_from on regular Fargate", () => {
    const { service } = web({ count: { range: { min: 1, max: 10, spot_from: 3 }, cpu_percentage: 70 } });
    expect(service.capacity).toEqual({ spotPercent: 100, onDemandBase: 2 });
    expect(service.autoscaling).toEqual({ minCount: 1, maxCount: 10, cpuTargetPercent: 70 });
    // Copilot sets no base when Spot starts below the minimum.
    expect(web({ count: { range: { min: 4, max: 10, spot_from: 2 }, cpu_percentage: 70 } }).service.capacity.onDemandBase).toBe(0);
  });

  it("turns a worker's queue_delay into messages per task, rounded up, and turns Container Insights on", () => {
    const worker = { name: "worker", type: "Worker Service", image: { location: IMAGE } };
    const exact = imported({
      ...worker,
      count: { range: "0-10", queue_delay: { acceptable_latency: "10m", msg_processing_time: "250ms" } },
    });
    expect(exact.service.autoscaling).toEqual({ minCount: 0, maxCount: 10, messagesPerTask: 2400 });
    expect(exact.settings.containerInsights).toBe("enabled");
    const rounded = imported({
      ...worker,
      count: { range: "0-10", queue_delay: { acceptable_latency: "1s", msg_processing_time: "300ms" } },
    });
    expect(rounded.service.autoscaling.messagesPerTask).toBe(4);
    expect(rounded.notes).toContain("worker.yml: count.queue_delay: 3.3333333333333335 messages per task rounded up to 4");
  });
});

describe("importManifests: http", () => {
  it.each([
    ["/", "/*"],
    ["api", "/api/*"],
    ["/api/", "/api/*"],
  ])("forwards http.path %s as %s", (path, pattern) => {
    expect(web({ http: { path } }).service.listenerRule).toEqual({ pathPatterns: [pattern] });
  });

  it("takes http.alias as host headers, noting the certificate", () => {
    const { service, notes } = web({
      http: { path: "/", alias: [{ name: "example.com", hosted_zone: "Z0873220N255IR3MTNR4" }, "v1.example.com"] },
    });
    expect(service.listenerRule.hostHeaders).toEqual(["example.com", "v1.example.com"]);
    expect(notes).toContain(
      "web.yml: http.alias: HTTPS on these names needs https (domain, aliases) in the environment file, with their hosted zone",
    );
    expect(web({ http: { alias: "example.com" } }).service.listenerRule.hostHeaders).toEqual(["example.com"]);
  });

  it("takes http.healthcheck as a path or a map", () => {
    expect(web({ http: { healthcheck: "/_health" } }).service.healthCheck).toEqual({ path: "/_health" });
    const { service, notes } = web({
      http: {
        healthcheck: {
          path: "/h",
          port: 8080,
          success_codes: "200,301",
          healthy_threshold: 4,
          unhealthy_threshold: 3,
          interval: "15s",
          timeout: "1500ms",
          grace_period: "2m",
        },
      },
    });
    expect(service.healthCheck).toEqual({
      path: "/h",
      port: 8080,
      matcher: "200,301",
      healthyThreshold: 4,
      unhealthyThreshold: 3,
      intervalSeconds: 15,
      timeoutSeconds: 2,
    });
    expect(notes).toEqual([
      "web.yml: http.healthcheck.timeout: 1500ms rounded up to 2 seconds",
      "web.yml: not imported: http.healthcheck.grace_period",
    ]);
  });

  it("refuses http: false, a Network Load Balancer's service", () => {
    expect(web({ http: false }).problems).toEqual([expect.stringContaining("web.yml: http: must not be false")]);
  });

  it("orders the rules of several web services, the one on every path last", () => {
    const shop = manifest({ ...WEB, name: "shop" });
    const api = manifest({ ...WEB, name: "api", http: { path: "api" } });
    const { settings, notes } = importManifests([shop, api]);
    expect(settings.services?.api.listenerRule?.priority).toBe(10);
    expect(settings.services?.shop.listenerRule?.priority).toBe(20);
    expect(notes).toEqual([expect.stringContaining("listenerRule.priority: Copilot ordered its rules itself")]);
  });
});

describe("importManifests: the other kinds", () => {
  it("takes a backend service's network.connect.alias as its Service Connect name", () => {
    const backend = { name: "api", type: "Backend Service", image: { location: IMAGE, port: 8080 } };
    expect(imported({ ...backend, network: { connect: { alias: "orders-api" } } }).service.serviceConnect).toEqual({ name: "orders-api" });
    expect(imported({ ...backend, network: { connect: true } }).service.serviceConnect).toBeUndefined();
    expect(imported({ ...backend, http: { path: "/api" } }).notes).toEqual(["api.yml: not imported: http"]);
  });

  it("takes a worker's queue, leaving the topics' ARNs to be given", () => {
    const { service, notes } = imported({
      name: "worker",
      type: "Worker Service",
      image: { location: IMAGE },
      subscribe: {
        topics: [{ name: "products", service: "orders", filter_policy: { event: ["created"] } }],
        queue: { retention: "96h", timeout: "30s", dead_letter: { tries: 10 }, delay: "5s" },
      },
    });
    expect(service.queue).toEqual({ retentionDays: 4, visibilityTimeoutSeconds: 30, maxReceiveCount: 10, subscribeTo: [] });
    expect(notes).toEqual([
      "worker.yml: subscribe.topics: give the topics' ARNs in queue.subscribeTo",
      "worker.yml: not imported: subscribe.topics[0].filter_policy",
      "worker.yml: not imported: subscribe.queue.delay",
    ]);
  });

  it("rounds a queue's retention up to whole days, and says a dead-letter queue comes with it", () => {
    const { service, notes } = imported({
      name: "worker",
      type: "Worker Service",
      image: { location: IMAGE },
      subscribe: { queue: { retention: "36h" } },
    });
    expect(service.queue.retentionDays).toBe(2);
    expect(notes).toEqual([
      "worker.yml: subscribe.queue.retention: 36h rounded up to 2 days",
      expect.stringContaining("worker.yml: subscribe.queue.dead_letter: none in Copilot"),
    ]);
  });

  it("takes a job's schedule in UTC, its retries and its timeout in minutes, rounded up", () => {
    const job = { name: "report", type: "Scheduled Job", image: { location: IMAGE } };
    expect(imported({ ...job, on: { schedule: "@daily" }, retries: 3, timeout: "1h" }).service.schedule).toEqual({
      expression: "cron(0 0 * * ? *)",
      timezone: "UTC",
      retries: 3,
      maxRunMinutes: 60,
    });
    const { service, notes } = imported({ ...job, on: { schedule: "0 3 * * *" }, timeout: "90s" });
    expect(service.schedule).toEqual({ expression: "cron(0 3 * * ? *)", timezone: "UTC", maxRunMinutes: 2 });
    expect(notes).toEqual([
      expect.stringContaining("report.yml: retries: none in Copilot"),
      "report.yml: timeout: 90s rounded up to 2 minutes",
    ]);
    expect(imported({ ...job, on: { schedule: "0 3 1 * 1" } }).problems).toEqual([
      expect.stringContaining("report.yml: on.schedule: must not give both"),
    ]);
  });
});

describe("scheduleExpression", () => {
  it.each([
    ["@hourly", "cron(0 * * * ? *)"],
    ["@daily", "cron(0 0 * * ? *)"],
    ["@weekly", "cron(0 0 ? * 1 *)"],
    ["@monthly", "cron(0 0 1 * ? *)"],
    ["@yearly", "cron(0 0 1 1 ? *)"],
    ["@every 1h", "rate(1 hour)"],
    ["@every 90m", "rate(90 minutes)"],
    ["@every 48h", "rate(2 days)"],
    ["rate(5 minutes)", "rate(5 minutes)"],
    ["cron(0 17 ? * MON-FRI *)", "cron(0 17 ? * MON-FRI *)"],
    ["0 3 * * *", "cron(0 3 * * ? *)"],
    ["0 9 * * 1-5", "cron(0 9 ? * 2-6 *)"],
    ["0 9 * * 0,7", "cron(0 9 ? * 1,1 *)"],
    ["0 9 * * MON", "cron(0 9 ? * MON *)"],
    ["30 2 15 * *", "cron(30 2 15 * ? *)"],
  ])("%s is %s", (schedule, expression) => {
    expect(scheduleExpression(schedule)).toEqual({ expression });
  });

  it.each(["@every 30s", "@every 90s", "@sometimes", "0 3 * *"])("refuses %s", (schedule) => {
    expect(scheduleExpression(schedule)).toHaveProperty("problem");
  });
});

describe("importManifests: notes and overrides", () => {
  it("names every field it did not import, a map whose fields it took none of as a whole", () => {
    const { notes } = web({
      observability: { tracing: "awsxray" },
      sidecars: { envoy: { port: 80 } },
      http: { path: "/", stickiness: true },
      nlb: { port: "80/tcp" },
    });
    expect(notes).toEqual([
      "web.yml: not imported: http.stickiness",
      "web.yml: not imported: observability",
      "web.yml: not imported: sidecars",
      "web.yml: not imported: nlb",
    ]);
  });

  it("applies environments.<env> with --env, field by field, and else names the overrides it left", () => {
    const overridden = {
      ...WEB,
      count: { range: "1-10", cpu_percentage: 70 },
      environments: { test: { count: { cpu_percentage: 50 } }, production: { count: 5 } },
    };
    expect(imported(overridden, "test").service.autoscaling).toEqual({ minCount: 1, maxCount: 10, cpuTargetPercent: 50 });
    expect(imported(overridden, "production").service).toMatchObject({ desiredCount: 5 });
    expect(imported(overridden, "staging").service.autoscaling.cpuTargetPercent).toBe(70);
    const { service, notes } = imported(overridden);
    expect(service.autoscaling.cpuTargetPercent).toBe(70);
    expect(notes).toEqual(["web.yml: environments: not applied (test, production); give --env <name> to apply one"]);
  });
});

// Copilot's own sample manifests, one of each type, in one environment file.
describe("Copilot's sample manifests", () => {
  const FIXTURES = join(__dirname, "../fixtures/copilot");
  const files = ["frontend.yml", "api.yml", "cost-analyzer.yml", "report-generator.yml"];
  const manifests = files.map((file) => ({ source: file, document: parse(readFileSync(join(FIXTURES, file), "utf8")) }));

  it("import into one environment file that is accepted and synthesizes", () => {
    const { settings, notes, problems } = importManifests(manifests, { name: "demo" });
    expect(problems).toEqual([]);
    expect(notes).toContain("cost-analyzer.yml: subscribe.topics: give the topics' ARNs in queue.subscribeTo");
    expect(notes).toContain("api.yml: not imported: storage.volumes");
    const accepted = validateEnvironment(settings, fileSource("config/demo.json"));
    expect(Object.keys(accepted.services!)).toEqual(["frontend", "api", "cost-analyzer", "report-generator"]);
    expect(accepted.services!["report-generator"].schedule).toEqual({
      expression: "cron(0 0 * * ? *)",
      timezone: "UTC",
      retries: 3,
      maxRunMinutes: 60,
    });
    const synth = synthesize(new WebServiceStack(Testing.app(), "demo", accepted));
    expect(addresses(synth)).toEqual(
      expect.arrayContaining([
        "aws_ecs_service.main",
        "aws_ecs_service.api_main",
        "aws_ecs_service.cost_analyzer_main",
        "aws_sqs_queue.cost_analyzer_queue",
        "aws_scheduler_schedule.report_generator_main",
      ]),
    );
  });

  it("import with the test environment's overrides of the backend service", () => {
    const { settings, problems } = importManifests(manifests, { name: "demo", copilotEnvironment: "test" });
    expect(problems).toEqual([]);
    expect(settings.services!.api).toMatchObject({
      desiredCount: 2,
      capacity: { spotPercent: 100, onDemandBase: 0 },
      deployment: { minimumHealthyPercent: 0 },
    });
    expect(() => validateEnvironment(settings, fileSource("config/demo.json"))).not.toThrow();
  });
});
