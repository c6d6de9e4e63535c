import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { TerraformStack, Testing } from "cdktf";
import { FargatePlatform } from "../../src/constructs/fargate-platform";
import { FargateWebService } from "../../src/constructs/fargate-web-service";
import { PlatformService } from "../../src/constructs/platform-service";
import { SettingsError } from "../../src/settings/problems";
import { addresses, ref, resourceAt, synthesize } from "../helpers";

function stackWithProvider(): TerraformStack {
  const stack = new TerraformStack(Testing.app(), "test");
  new AwsProvider(stack, "aws", { region: "ap-northeast-1" });
  return stack;
}

const api = { listenerRule: { pathPatterns: ["/api/*"], priority: 10 } };

describe("PlatformService", () => {
  it("gives the platform's first service its name and addresses, and the next one `<name>-<id>` and `<id>_…`", () => {
    const stack = stackWithProvider();
    const platform = new FargatePlatform(stack, "platform", { name: "shop", defaults: "recommended", natGateways: "single" });
    const web = new PlatformService(stack, "web", { platform, listenerRule: { pathPatterns: ["/*"], priority: 100 } });
    const orders = new PlatformService(stack, "orders", { platform, ...api, containerPort: 8080 });
    const synth = synthesize(stack);

    expect([web.settings.name, orders.settings.name]).toEqual(["shop", "shop-orders"]);
    expect(addresses(synth).filter((address) => address.startsWith("aws_ecs_service."))).toEqual([
      "aws_ecs_service.main",
      "aws_ecs_service.orders_main",
    ]);
    expect(addresses(synth).filter((address) => /^aws_(vpc|lb|ecs_cluster)\./.test(address))).toEqual([
      "aws_ecs_cluster.main",
      "aws_lb.main",
      "aws_vpc.main",
    ]);
    const rule = resourceAt(synth, "aws_lb_listener_rule.orders_main");
    expect(rule).toMatchObject({
      listener_arn: ref("aws_lb_listener.main", "arn"),
      priority: 10,
      condition: [{ path_pattern: { values: ["/api/*"] } }],
    });
    expect(resourceAt(synth, "aws_ecs_service.orders_main")).toMatchObject({
      name: "shop-orders",
      cluster: ref("aws_ecs_cluster.main", "name"),
      network_configuration: {
        subnets: [ref("aws_subnet.private_1a", "id"), ref("aws_subnet.private_1c", "id"), ref("aws_subnet.private_1d", "id")],
      },
    });
    expect(resourceAt(synth, "aws_security_group_rule.orders_ecs")).toMatchObject({
      from_port: 8080,
      source_security_group_id: ref("aws_security_group.alb", "id"),
    });
    expect(resourceAt(synth, "aws_lb_target_group.orders_main").vpc_id).toBe(ref("aws_vpc.main", "id"));
  });

  it("joins a FargateWebService: with the tutorial's HTTPS chapter, its rule is on HTTP and on HTTPS, whose default still forwards to the first", () => {
    const stack = stackWithProvider();
    const web = new FargateWebService(stack, "web", { https: { domain: "example.com" } });
    new PlatformService(stack, "api", { platform: web, ...api });
    const synth = synthesize(stack);
    expect(resourceAt(synth, "aws_lb_listener_rule.api_main").listener_arn).toBe(ref("aws_lb_listener.main", "arn"));
    expect(resourceAt(synth, "aws_lb_listener_rule.api_main_https")).toMatchObject({
      listener_arn: ref("aws_lb_listener.https", "arn"),
      priority: 10,
    });
    expect(resourceAt(synth, "aws_lb_listener.https").default_action[0]).toMatchObject({
      type: "forward",
      target_group_arn: ref("aws_lb_target_group.main", "id"),
    });
    expect(resourceAt(synth, "aws_ecs_service.api_main").depends_on).toEqual([
      "aws_lb_listener_rule.api_main",
      "aws_lb_listener_rule.api_main_https",
    ]);
  });

  it("matches host names, alone or with paths", () => {
    const stack = stackWithProvider();
    const web = new FargateWebService(stack, "web", { listenerRule: { pathPatterns: ["/*"], priority: 100 } });
    new PlatformService(stack, "admin", { platform: web, listenerRule: { hostHeaders: ["admin.example.com"], priority: 20 } });
    new PlatformService(stack, "reports", {
      platform: web,
      listenerRule: { hostHeaders: ["admin.example.com"], pathPatterns: ["/reports/*"], priority: 15 },
    });
    const synth = synthesize(stack);
    expect(resourceAt(synth, "aws_lb_listener_rule.admin_main").condition).toEqual([{ host_header: { values: ["admin.example.com"] } }]);
    expect(resourceAt(synth, "aws_lb_listener_rule.reports_main").condition).toEqual([
      { path_pattern: { values: ["/reports/*"] } },
      { host_header: { values: ["admin.example.com"] } },
    ]);
  });

  it("refuses what clashes with the services already there, naming them", () => {
    const stack = stackWithProvider();
    const web = new FargateWebService(stack, "web", { listenerRule: { pathPatterns: ["/*"], priority: 10 } });
    expect(() => new PlatformService(stack, "api", { platform: web, listenerRule: { pathPatterns: ["/api/*"], priority: 20 } })).toThrow(
      /^test\/api\.listenerRule\.priority: must come before test\/web's \(priority 10, paths \["\/\*"\] on any host\)/,
    );
    expect(() => new PlatformService(stack, "orders", { platform: web, listenerRule: { pathPatterns: ["/api/*"], priority: 10 } })).toThrow(
      new SettingsError([
        "test/orders.listenerRule.priority: must differ from test/web's: AWS refuses two rules of one priority on a listener; received 10",
      ]),
    );
  });

  it("validates its own settings with the platform's", () => {
    const stack = stackWithProvider();
    const platform = new FargatePlatform(stack, "platform");
    expect(() => new PlatformService(stack, "api", { platform, cpu: 256, memory: 4096 })).toThrow(/^test\/api\.memory: must be/);
  });

  it("adds Fargate Spot to the cluster once, for every service that uses it", () => {
    const stack = stackWithProvider();
    const platform = new FargatePlatform(stack, "platform", { name: "shop" });
    new PlatformService(stack, "web", { platform, capacity: { spotPercent: 50 }, listenerRule: { pathPatterns: ["/*"], priority: 100 } });
    new PlatformService(stack, "api", { platform, capacity: { spotPercent: 100, onDemandBase: 0 }, ...api });
    const synth = synthesize(stack);
    expect(addresses(synth).filter((address) => address.startsWith("aws_ecs_cluster_capacity_providers."))).toEqual([
      "aws_ecs_cluster_capacity_providers.main",
    ]);
    expect(resourceAt(synth, "aws_ecs_service.api_main").depends_on).toContain("aws_ecs_cluster_capacity_providers.main");
  });

  it("forwards the platform's HTTPS to no service by default: each service's rule is on both listeners", () => {
    const stack = stackWithProvider();
    const platform = new FargatePlatform(stack, "platform", { https: { domain: "example.com" } });
    new PlatformService(stack, "web", { platform, listenerRule: { pathPatterns: ["/*"], priority: 100 } });
    const synth = synthesize(stack);
    expect(resourceAt(synth, "aws_lb_listener.https").default_action[0].type).toBe("fixed-response");
    expect(resourceAt(synth, "aws_lb_listener_rule.main_https").listener_arn).toBe(ref("aws_lb_listener.https", "arn"));
  });

  it("tags its resources with the platform's tags", () => {
    const stack = stackWithProvider();
    const platform = new FargatePlatform(stack, "platform", { tags: { Team: "shop" } });
    new PlatformService(stack, "web", { platform });
    expect(resourceAt(synthesize(stack), "aws_ecs_service.main").tags).toEqual({ Team: "shop" });
  });
});
