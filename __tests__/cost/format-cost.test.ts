import { NO_USAGE } from "../../src/cost/estimate-cost";
import { describeAssumptions, formatChapterCosts, formatCost } from "../../src/cost/format-cost";

describe("formatCost", () => {
  it("gives the total, then the lines most expensive first, aligned, and what is not priced", () => {
    const text = formatCost("web", {
      region: "eu-west-1",
      currency: "USD",
      monthly: 38.4,
      lines: [
        { item: "Application Load Balancer", address: "aws_lb.main", quantity: 730, unit: "hours", monthly: 18.4 },
        { item: "NAT gateway", address: "aws_nat_gateway.nat_1a", quantity: 730, unit: "hours", monthly: 20 },
      ],
      notPriced: ["aws_rds_cluster.db"],
    });
    expect(text.split("\n")).toEqual([
      "web (eu-west-1): $38.40 a month, $0.053 an hour",
      "  NAT gateway                aws_nat_gateway.nat_1a  730 hours     $20.00",
      "  Application Load Balancer  aws_lb.main             730 hours     $18.40",
      "  not priced: aws_rds_cluster.db",
    ]);
  });

  it("says what services sharing one platform save", () => {
    const text = formatCost("shop", {
      region: "ap-northeast-1",
      currency: "USD",
      monthly: 100,
      lines: [],
      notPriced: [],
      sharing: { services: 3, shared: 60, separately: 220, saved: 120 },
    });
    expect(text.split("\n")).toContain(
      "  shared by its 3 services: $60.00 a month; one stack per service would cost $220.00, $120.00 more",
    );
  });

  it("lists a deployment's stages, chapter by chapter, with what each chapter adds", () => {
    const text = formatChapterCosts("handson", [
      { chapter: "VPC", stage: "handson-vpc", monthly: 146, hourly: 0.2, added: 146 },
      { chapter: "ALB", stage: "handson-alb", monthly: 175.2, hourly: 0.24, added: 29.2 },
    ]);
    expect(text.split("\n")).toEqual([
      "handson, chapter by chapter (what runs once each stage is deployed):",
      "  VPC    handson-vpc   $146.00 a month  $0.200 an hour  (the chapter adds $146.00)",
      "  ALB    handson-alb   $175.20 a month  $0.240 an hour  (the chapter adds $29.20)",
    ]);
  });

  it("says what it assumes and how to change it", () => {
    expect(describeAssumptions(NO_USAGE)).toMatch(
      /^Assumed: 730 hours a month; 0 requests, .*\(--requests, --log-gb, --nat-gb, --flow-log-gb\).*prices of \d{4}-\d{2}-\d{2}/,
    );
  });
});

describe("formatCost of a saving", () => {
  it("prints a negative line as -$, and counts it in the total", () => {
    const text = formatCost("web", {
      region: "ap-northeast-1",
      currency: "USD",
      monthly: 7.56,
      lines: [
        { item: "Fargate", address: "aws_ecs_service.main", quantity: 1, unit: "task-months", monthly: 20 },
        {
          item: "Quiet hours save",
          address: "aws_appautoscaling_scheduled_action.quiet_start",
          quantity: 1,
          unit: "task-hours",
          monthly: -12.44,
        },
      ],
      notPriced: [],
    });
    expect(text).toMatch(/Quiet hours save .* -\$12\.44$/m);
    expect(text.split("\n")[0]).toBe("web (ap-northeast-1): $7.56 a month, $0.010 an hour");
  });
});
