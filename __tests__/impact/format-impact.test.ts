import { explainPlan } from "../../src/impact/explain-plan";
import { formatImpact } from "../../src/impact/format-impact";

describe("formatImpact", () => {
  it("prints the counts, then each change under its severity, worst first, with what forces it", () => {
    const impact = explainPlan({
      resource_changes: [
        {
          address: "aws_lb.main",
          mode: "managed",
          type: "aws_lb",
          change: { actions: ["delete", "create"], before: {}, after: {}, replace_paths: [["internal"]] },
        },
        {
          address: "aws_ecs_service.main",
          mode: "managed",
          type: "aws_ecs_service",
          change: { actions: ["update"], before: { desired_count: 1 }, after: { desired_count: 2 } },
        },
      ],
    });
    expect(formatImpact("handson", impact)).toBe(
      [
        "handson: 1 to add, 1 to change, 1 to destroy.",
        "",
        "Breaks what depends on it, or deletes data:",
        "  aws_lb.main: replaced, the old one destroyed first because internal changes.",
        "    The load balancer is replaced: its DNS name changes, so anything that points at the old one by name (DNS records outside this stack, clients, allow-lists) breaks, and requests fail until the new one is active (minutes).",
        "",
        "No interruption:",
        "  aws_ecs_service.main: updated in place.",
        "    The service runs 2 tasks instead of 1: no interruption.",
      ].join("\n"),
    );
  });

  it("says when there is nothing to do", () => {
    expect(formatImpact("handson", explainPlan({ resource_changes: [] }))).toBe(
      "handson: 0 to add, 0 to change, 0 to destroy.\nNo changes: applying changes nothing in AWS.",
    );
  });

  it("names what changed outside Terraform", () => {
    expect(
      formatImpact(
        "handson",
        explainPlan({
          resource_drift: [
            {
              address: "aws_vpc.main",
              mode: "managed",
              type: "aws_vpc",
              change: { actions: ["update"], before: { cidr_block: "10.0.0.0/16" }, after: { cidr_block: "10.9.0.0/16" } },
            },
          ],
          relevant_attributes: [{ resource: "aws_vpc.main", attribute: ["cidr_block"] }],
        }),
      ),
    ).toContain("Changed outside Terraform since the last apply: aws_vpc.main.");
  });
});

describe("formatImpact of a service whose images releases deploy", () => {
  it("says which image the apply keeps: the last release's, not the file's", () => {
    const impact = explainPlan({
      resource_changes: [
        {
          address: "aws_ssm_parameter.api_image",
          mode: "managed",
          type: "aws_ssm_parameter",
          change: {
            actions: ["no-op"],
            before: { name: "/ecs/shop-api/image", insecure_value: "shop-api:1.5.2" },
            after: { name: "/ecs/shop-api/image", insecure_value: "shop-api:1.5.2" },
          },
        },
      ],
    });
    expect(impact.releasedImages).toEqual([{ service: "shop-api", image: "shop-api:1.5.2" }]);
    expect(formatImpact("shop", impact).split("\n").slice(-2)).toEqual([
      "Images deployed by releases (npm run release), which this apply keeps; the file's image is only the first one:",
      "  shop-api: shop-api:1.5.2",
    ]);
  });
});
