import { readFileSync } from "node:fs";
import { Lb } from "@cdktf/provider-aws/lib/lb";
import { Testing } from "cdktf";
import { checkAcrossStacks, resourceInstances } from "../../src/app/cross-environment";
import { defineStacks } from "../../src/app/define-stacks";
import { loadEnvironments } from "../../src/app/environments";
import { UNIQUE_NAMES } from "../../src/aws/unique-names";
import { WebServiceStack } from "../../src/constructs/web-service-stack";
import type { EnvironmentSettings } from "../../src/settings/settings";
import { anotherService } from "../helpers";

const production: EnvironmentSettings = JSON.parse(readFileSync("config/production.json", "utf8"));
const { $schema, ...productionSettings } = production as EnvironmentSettings & { $schema?: string };

/** The findings for these environments, each as config/<name>.json. */
function check(environments: Record<string, EnvironmentSettings>) {
  const app = Testing.app();
  return checkAcrossStacks(
    Object.entries(environments).map(([name, settings]) => ({
      stack: new WebServiceStack(app, name, settings),
      source: `config/${name}.json`,
    })),
  );
}

/**
 * The same service in another region: its own state, and its own DNS name (only one A record can
 * answer for a name, so the second region's is a name of its own).
 */
const elsewhere = (settings: EnvironmentSettings, region: string, zones: string[]): EnvironmentSettings => ({
  ...settings,
  region,
  azs: zones,
  backend: settings.backend && { s3: { ...settings.backend.s3, key: `${region}/${settings.backend.s3.key}` } },
  https: settings.https && { ...settings.https, domain: `${region}.${settings.https.domain}`, aliases: [] },
});

describe("checkAcrossStacks", () => {
  it("refuses two environments of one name in one region, naming both files and the field", () => {
    // GIVEN two files that are each valid, WHEN checked together
    const { problems } = check({ a: {}, b: { desiredCount: 2 } });
    // THEN the second is refused for the names both would ask AWS for
    expect(problems).toEqual([
      'config/b.json: name: must differ from config/a.json\'s: both claim load balancer "handson", ECS cluster "handson", ' +
        'task definition family "handson", target group "handson" in ap-northeast-1, names AWS keeps unique per account and region; ' +
        "the second apply would fail half-way, or take over the first one's and later destroy them " +
        '(if they deploy to different AWS accounts, set account in both); received "handson"',
    ]);
  });

  it("knows the names of every service on a shared platform: one of them named like another environment clashes with it", () => {
    const shop: EnvironmentSettings = JSON.parse(readFileSync("config/shop.json", "utf8"));
    const { problems } = check({ shop, "shop-api": { ...anotherService("shop-api", 7) } });
    expect(problems).toEqual([
      expect.stringMatching(
        /^config\/shop-api\.json: name: must differ from config\/shop\.json's: both claim .*task definition family "shop-api"/,
      ),
    ]);
    expect(check({ shop, other: anotherService("other", 7) }).problems).toEqual([]);
  });

  it("accepts the same service in two regions, the second naming the account's GitHub OIDC provider the first creates", () => {
    const usEast = elsewhere(productionSettings, "us-east-1", ["us-east-1a", "us-east-1b", "us-east-1c"]);
    expect(check({ production: productionSettings, "production-us": usEast }).problems).toEqual([
      expect.stringMatching(
        /^config\/production-us\.json: githubDeployRoles\.oidcProviderArn: must differ from config\/production\.json's: both claim OIDC provider "https:\/\/token\.actions\.githubusercontent\.com", names AWS keeps unique per account/,
      ),
    ]);
    const oidcProviderArn = "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com";
    const named = { ...usEast, githubDeployRoles: { ...usEast.githubDeployRoles!, oidcProviderArn } };
    expect(check({ production: productionSettings, "production-us": named })).toEqual({ problems: [], warnings: [] });
  });

  it("accepts one name in one region in two named accounts, not when either account is unknown", () => {
    expect(check({ staging: { account: "111111111111" }, live: { account: "222222222222" } }).problems).toEqual([]);
    expect(check({ staging: { account: "111111111111" }, live: {} }).problems).toHaveLength(1);
    expect(check({ staging: { account: "111111111111" }, live: { account: "111111111111" } }).problems).toHaveLength(1);
  });

  it("refuses two stacks keeping their state in one S3 object", () => {
    const other = {
      ...productionSettings,
      name: "billing-api",
      https: { domain: "billing.example-shop.com", hostedZone: "example-shop.com" },
      githubDeployRoles: undefined,
    };
    expect(check({ production: productionSettings, billing: other }).problems).toEqual([
      "config/billing.json: backend.s3.key: must not keep its state where config/production.json keeps its own " +
        "(s3://example-shop-terraform-state/orders-api/production.tfstate): each would plan to destroy what the other created; " +
        'received "orders-api/production.tfstate"',
    ]);
    const apart = { ...other, backend: { s3: { ...other.backend!.s3, key: "billing-api/production.tfstate" } } };
    expect(check({ production: productionSettings, billing: apart }).problems).toEqual([]);
  });

  it("refuses one DNS name in two environments, wherever they are: only one record can answer for it", () => {
    const { problems } = check({
      a: { https: { domain: "example.com" } },
      b: { ...anotherService("b"), region: "us-east-1", azs: ["us-east-1a", "us-east-1b", "us-east-1c"], https: { domain: "example.com" } },
    });
    expect(problems).toEqual([
      expect.stringMatching(
        /^config\/b\.json: https\.domain: must differ from config\/a\.json's: both claim DNS name "example\.com", names AWS keeps unique across all accounts and regions;/,
      ),
    ]);
  });

  it("lets stages of one deployment, sharing its state, hold the same names", () => {
    const app = Testing.app();
    const stacks = ["web", "web-https"].map((name) => ({
      stack: new WebServiceStack(app, name, name === "web" ? {} : { sharesStateWith: "web", https: { domain: "example.com" } }),
      source: `config/${name}.json`,
      deployment: "web",
    }));
    expect(checkAcrossStacks(stacks)).toEqual({ problems: [], warnings: [] });
  });

  it("judges resources added by hand next to the service, naming their address", () => {
    const app = Testing.app();
    const stacks = ["one", "two"].map((name, index) => {
      const stack = new WebServiceStack(app, name, anotherService(`svc-${index}`, index + 1));
      new Lb(stack, "extra", {
        name: "shared-internal",
        internal: true,
        subnets: ["subnet-10000000000000000", "subnet-20000000000000000"],
      });
      return { stack, source: name };
    });
    expect(checkAcrossStacks(stacks).problems).toEqual([
      expect.stringMatching(
        /^two: aws_lb\.extra\.name: must differ from one's: both claim load balancer "shared-internal" in ap-northeast-1, .*; received "shared-internal"$/,
      ),
    ]);
  });

  it("warns when environments exceed an adjustable quota together, naming each and the quota", () => {
    const second = anotherService("other");
    const { problems, warnings } = check({ handson: {}, other: second });
    expect(problems).toEqual([]);
    expect(warnings.map((warning) => [warning.message, warning.stacks.map((stack) => stack.node.id)])).toEqual([
      [
        'ap-northeast-1: 6 aws_eip (config/handson.json 3, config/other.json 3) exceed AWS\'s default quota "EC2-VPC Elastic IPs" of 5 ' +
          "(L-0263D0A3, adjustable): the apply fails once it is reached unless the account's quota was raised; " +
          'set natGateways to "single" (one elastic IP) or "none"',
        ["handson", "other"],
      ],
    ]);
    expect(check({ handson: {}, other: { ...second, natGateways: "single" } }).warnings).toEqual([]);
  });
});

// The safety net for every later feature: whatever the stacks come to hold, no two environments
// of a valid set may claim one name, and every kind of resource must be classified.
describe("the synthesized stacks of a set of environments", () => {
  const app = Testing.app();
  const shipped = defineStacks(Testing.app(), "config");
  const deploymentOf = new Map(loadEnvironments("config").map(({ name, settings }) => [name, settings.sharesStateWith ?? name]));
  const variants = [
    new WebServiceStack(app, "us", {
      ...elsewhere(productionSettings, "us-east-1", ["us-east-1a", "us-east-1b", "us-east-1c"]),
      // The account's GitHub OIDC provider is production's.
      githubDeployRoles: {
        ...productionSettings.githubDeployRoles!,
        oidcProviderArn: "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com",
      },
    }),
    new WebServiceStack(app, "lean", {
      name: "lean",
      natGateways: "none",
      region: "eu-west-1",
      azs: ["eu-west-1a", "eu-west-1b"],
      publicSubnetCidrs: ["10.0.1.0/24", "10.0.2.0/24"],
      privateSubnetCidrs: ["10.0.10.0/24", "10.0.20.0/24"],
    }),
  ];
  const synthesized = [...shipped, ...variants].map((stack) => {
    const doc = JSON.parse(Testing.synth(stack));
    return {
      stack: deploymentOf.get(stack.node.id) ?? stack.node.id,
      region: doc.provider.aws[0].region as string,
      resources: doc.resource as Record<string, Record<string, Record<string, unknown>>>,
    };
  });

  it("hold only resource types whose unique names are known", () => {
    const types = new Set(synthesized.flatMap(({ resources }) => Object.keys(resources)));
    expect([...types].filter((type) => !(type in UNIQUE_NAMES))).toEqual([]);
  });

  it("claim no name twice", () => {
    const claims = synthesized.flatMap(({ stack, region, resources }) =>
      Object.entries(resources).flatMap(([type, byName]) =>
        Object.values(byName)
          .flatMap(resourceInstances)
          .flatMap((config) =>
            UNIQUE_NAMES[type]
              .filter((unique) => typeof config[unique.attribute] === "string" && !String(config[unique.attribute]).includes("${"))
              .filter((unique) => unique.within === undefined || !String(config[unique.within]).includes("${"))
              .map((unique) => ({
                stack,
                key: [
                  unique.scope === "region" ? region : unique.scope,
                  unique.what,
                  config[unique.within ?? ""] ?? "",
                  config[unique.attribute],
                ].join(" "),
              })),
          ),
      ),
    );
    const holders = new Map<string, Set<string>>();
    for (const { key, stack } of claims) holders.set(key, (holders.get(key) ?? new Set()).add(stack));
    expect([...holders].filter(([, stacks]) => stacks.size > 1)).toEqual([]);
    expect(claims.length).toBeGreaterThanOrEqual(4 * synthesized.length);
  });
});
