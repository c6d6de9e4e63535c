import { compareCosts } from "../../src/cost/compare-cost";
import type { CostEstimate } from "../../src/cost/estimate-cost";

const estimate = (lines: [string, string, number][]): CostEstimate => ({
  region: "eu-west-1",
  currency: "USD",
  monthly: Math.round(lines.reduce((sum, [, , monthly]) => sum + monthly, 0) * 100) / 100,
  lines: lines.map(([item, address, monthly]) => ({ item, address, quantity: 1, unit: "x", monthly })),
  notPriced: [],
});

describe("compareCosts", () => {
  it("gives each environment's totals before and after, then every line that moved, the largest first", () => {
    const before = {
      production: estimate([
        ["NAT gateway", "aws_nat_gateway.nat_1a", 35.04],
        ["Application Load Balancer", "aws_lb.main", 18.4],
      ]),
    };
    const after = {
      production: estimate([
        ["Application Load Balancer", "aws_lb.main", 18.4],
        ["CloudWatch alarm", "aws_cloudwatch_metric_alarm.target_5xx", 0.1],
      ]),
    };
    expect(compareCosts(before, after)).toBe(
      [
        "**production**: $53.44 → $18.50 a month (-$34.94)",
        "",
        "| Item | Resource | Before | After | Change |",
        "| --- | --- | --- | --- | --- |",
        "| NAT gateway | `aws_nat_gateway.nat_1a` | $35.04 | $0.00 | -$35.04 |",
        "| CloudWatch alarm | `aws_cloudwatch_metric_alarm.target_5xx` | $0.00 | $0.10 | +$0.10 |",
      ].join("\n"),
    );
  });

  it("says so when nothing moved", () => {
    const same = { lean: estimate([["Application Load Balancer", "aws_lb.main", 17.74]]) };
    expect(compareCosts(same, same)).toBe("**lean**: $17.74 → $17.74 a month ($0.00): no line changes.");
  });
});
