import { App, TerraformStack, TerraformVariable } from "cdktf";
import {
  constructSource,
  fileSource,
  resolveServiceSettings,
  SettingsError,
  validateEnvironment,
} from "../src/resolve-settings";
import { TUTORIAL } from "../src/tutorial";

describe("resolveServiceSettings", () => {
  it("gives the tutorial's values when nothing is set", () => {
    expect(resolveServiceSettings({}, constructSource("x"), "ap-northeast-1")).toEqual({
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
      listenerRule: { pathPatterns: ["*"], priority: undefined },
      serviceIngress: "vpc-cidr",
      tags: {},
    });
  });

  it("keeps what is set, and derives the health check port from the container port", () => {
    const resolved = resolveServiceSettings(
      { containerPort: 8080, healthCheck: { intervalSeconds: 15 }, listenerRule: { priority: 7 } },
      constructSource("x"),
      "ap-northeast-1",
    );
    expect(resolved.healthCheck).toEqual({ path: "/", port: 8080, intervalSeconds: 15 });
    expect(resolved.listenerRule).toEqual({ pathPatterns: ["*"], priority: 7 });
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
    const settings = { $schema: "./settings.schema.json", region: "eu-west-1", azs: ["eu-west-1a", "eu-west-1b"], publicSubnetCidrs: ["10.0.1.0/24", "10.0.2.0/24"], privateSubnetCidrs: ["10.0.10.0/24", "10.0.20.0/24"] };
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
    expect(() => validateEnvironment({ backend: { gcs: {} } as never }, file)).toThrow('backend.gcs: is not a setting');
  });

  it("rejects a file that is not an object", () => {
    expect(() => validateEnvironment([1, 2], file)).toThrow("config/staging.json: must be an object; received [1,2]");
  });
});
