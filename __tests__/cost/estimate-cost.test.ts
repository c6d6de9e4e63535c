import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Testing } from "cdktf";
import { WebServiceStack } from "../../src/constructs/web-service-stack";
import { estimateCost } from "../../src/cost/estimate-cost";
import type { EnvironmentSettings } from "../../src/settings/settings";
import { stackOf } from "../checks/rules/check-policy-rule";

const CONFIG = join(__dirname, "../../config");
const terraformOf = (name: string, settings: EnvironmentSettings) =>
  JSON.parse(Testing.synth(new WebServiceStack(Testing.app(), name, settings)));
const file = (name: string) => JSON.parse(readFileSync(join(CONFIG, `${name}.json`), "utf8"));
const line = (item: string, address: string, quantity: number, unit: string, monthly: number) => ({
  item,
  address,
  quantity,
  unit,
  monthly,
});

describe("estimateCost", () => {
  it("prices handson in ap-northeast-1 as the hand calculation from the table does, line by line", () => {
    const estimate = estimateCost(terraformOf("handson", {}), "ap-northeast-1");
    // By hand: 730 h × $0.062 per NAT gateway, $0.005 per public IPv4 address-hour (three elastic
    // IPs, three of the load balancer), $0.0243 per load balancer-hour, 0.25 vCPU × $0.05056 and
    // 0.5 GB × $0.00553 per hour for the one task.
    expect([...estimate.lines].sort((a, b) => a.address.localeCompare(b.address) || a.item.localeCompare(b.item))).toEqual([
      line("Fargate memory (x86), 1 task × 0.5 GB", "aws_ecs_service.main", 365, "GB-hours", 2.02), // 365 × 0.00553 = 2.018
      line("Fargate vCPU (x86), 1 task × 0.25", "aws_ecs_service.main", 182.5, "vCPU-hours", 9.23), // 182.5 × 0.05056 = 9.227
      ...["1a", "1c", "1d"].map((zone) => line("Public IPv4 address (elastic IP)", `aws_eip.nat_${zone}`, 730, "hours", 3.65)),
      line("Application Load Balancer", "aws_lb.main", 730, "hours", 17.74), // 730 × 0.0243 = 17.739
      line("Load balancer capacity units", "aws_lb.main", 0, "LCU-hours", 0),
      line("Public IPv4 addresses of the load balancer (one per zone)", "aws_lb.main", 2190, "address-hours", 10.95),
      ...["1a", "1c", "1d"].map((zone) => line("NAT gateway", `aws_nat_gateway.nat_${zone}`, 730, "hours", 45.26)), // 730 × 0.062
    ]);
    expect(estimate).toMatchObject({ region: "ap-northeast-1", currency: "USD", monthly: 186.67, notPriced: [] });
  });

  it("counts what config/shop.json's three services share once, and what one stack per service would cost", () => {
    const estimate = estimateCost(terraformOf("shop", file("shop")), "ap-northeast-1");
    const own = estimate.lines
      .filter((cost) => /^aws_(ecs_service|cloudwatch_log_group|cloudwatch_metric_alarm)\./.test(cost.address))
      .reduce((sum, cost) => sum + cost.monthly, 0);
    // Container Insights: 8 metrics for the cluster are shared, 11 per service are the service's own.
    const ownMetrics = 3 * 11 * 0.3;
    const shared = Math.round((estimate.monthly - own - ownMetrics) * 100) / 100;
    // By hand: one NAT gateway and its address (45.26 + 3.65), the load balancer and its two addresses (17.74 + 7.30),
    // the WAF's web ACL and its one rule (5 + 1), 8 metrics (2.40).
    expect(shared).toBe(82.35);
    expect(estimate.sharing).toEqual({
      services: 3,
      shared,
      separately: Math.round((estimate.monthly + 2 * shared) * 100) / 100,
      saved: 164.7,
    });
    expect(estimateCost(terraformOf("handson", {}), "ap-northeast-1").sharing).toBeUndefined();
  });

  it("keeps config/lean.json, the tutorial's job, under $50 a month in ap-northeast-1", () => {
    const estimate = estimateCost(terraformOf("lean", file("lean")), "ap-northeast-1");
    expect(estimate.monthly).toBeLessThan(50);
    expect(estimate.lines.map((one) => one.item)).toContain("Fargate vCPU (ARM64), 1 task × 0.25");
  });

  it("prices the tasks beyond the on-demand base on Fargate Spot by the strategy's weights", () => {
    const estimate = estimateCost(terraformOf("production", file("production")), "eu-west-1");
    const spot = estimate.lines.filter((one) => one.item.startsWith("Fargate Spot"));
    // 3 tasks, 1 on-demand base, then weights 1:3: 1.5 on Fargate Spot at 30 % of 1 vCPU × $0.04048.
    expect(spot[0]).toEqual(line("Fargate Spot vCPU (x86), 1.5 tasks × 1", "aws_ecs_service.main", 1095, "vCPU-hours", 13.3));
    expect(estimate.lines.find((one) => one.item === "WAF web ACL")?.monthly).toBe(5);
  });

  it("prices the traffic and log volume it is given", () => {
    const usage = { requestsPerMonth: 2_000_000, logGbPerMonth: 10, natGbPerMonth: 100, flowLogGbPerMonth: 0 };
    const estimate = estimateCost(terraformOf("handson", { logs: { enabled: true } }), "ap-northeast-1", usage);
    const monthly = (item: string) => estimate.lines.find((one) => one.item === item)?.monthly;
    expect(monthly("NAT gateway data processed")).toBe(6.2); // 100 GB × $0.062
    expect(monthly("Logs ingested")).toBe(7.6); // 10 GB × $0.76
    expect(monthly("Load balancer capacity units")).toBe(0.18); // 2e6 / (730 × 3600) s / 25 = 0.0304 LCU × 730 h × $0.008
  });

  it("lists what it has no price for, and refuses a region it has no prices for", () => {
    const json = stackOf({ aws_vpc: { main: {} }, aws_rds_cluster: { db: {} }, aws_kms_key: { logs: {} } });
    expect(estimateCost(json, "us-east-1")).toMatchObject({ monthly: 1, notPriced: ["aws_rds_cluster.db"] });
    expect(() => estimateCost(json, "sa-east-1")).toThrow(
      "cost: no prices for region sa-east-1; priced: ap-northeast-1, eu-west-1, us-east-1",
    );
  });
});

describe("estimateCost, the strategy and the volumes", () => {
  const service = (strategy: Record<string, unknown>[]) =>
    stackOf({
      aws_ecs_task_definition: { main: { cpu: "1024", memory: "2048" } },
      aws_ecs_service: {
        main: { desired_count: 3, task_definition: "${aws_ecs_task_definition.main.arn}", capacity_provider_strategy: strategy },
      },
    });
  const spotVcpu = (json: ReturnType<typeof stackOf>) =>
    estimateCost(json, "eu-west-1").lines.find((one) => one.item.startsWith("Fargate Spot vCPU"))?.quantity;

  it("runs the base on the provider that declares it, Fargate Spot included", () => {
    // base 1 on Spot, then 2 tasks split 1:1: 2 on Spot, 1 on demand.
    expect(
      spotVcpu(
        service([
          { capacity_provider: "FARGATE_SPOT", base: 1, weight: 1 },
          { capacity_provider: "FARGATE", weight: 1 },
        ]),
      ),
    ).toBe(2 * 730);
    expect(
      spotVcpu(
        service([
          { capacity_provider: "FARGATE", base: 1, weight: 1 },
          { capacity_provider: "FARGATE_SPOT", weight: 1 },
        ]),
      ),
    ).toBe(1 * 730);
  });

  it("shares the log volume given among the log groups that receive it", () => {
    const json = stackOf({ aws_cloudwatch_log_group: { main: {}, exec: {} } });
    const ingested = estimateCost(json, "eu-west-1", { requestsPerMonth: 0, logGbPerMonth: 10, natGbPerMonth: 0, flowLogGbPerMonth: 0 })
      .lines.filter((one) => one.item === "Logs ingested")
      .map((one) => one.quantity);
    expect(ingested).toEqual([5, 5]);
  });
});
