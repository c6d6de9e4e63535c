import { Testing } from "cdktf";
import { targetGroupName } from "../../src/aws/target-group-name";
import { WebServiceStack } from "../../src/constructs/web-service-stack";
import { type Architecture, architectureOf, type Group } from "../../src/diagram/architecture";
import type { EnvironmentSettings } from "../../src/settings/settings";

const draw = (settings: EnvironmentSettings = {}) =>
  architectureOf("web", JSON.parse(Testing.synth(new WebServiceStack(Testing.app(), "web", settings))), "ap-northeast-1");

/** Every box, depth first, as "label: node labels". */
function boxes(group: Group): string[] {
  return [`${group.label}: ${group.nodes.map((node) => node.label).join(", ")}`, ...group.groups.flatMap(boxes)];
}
const labelOf = (architecture: Architecture, nodeId: string) => {
  const all = (group: Group): { id: string; label: string }[] => [...group.nodes, ...group.groups.flatMap(all)];
  return [...architecture.outside, ...all(architecture.region)].find((node) => node.id === nodeId)?.label;
};
const flows = (architecture: Architecture) =>
  architecture.edges
    .filter((edge) => !edge.dashed)
    .map((edge) => `${labelOf(architecture, edge.from)} -> ${labelOf(architecture, edge.to)}${edge.label ? ` (${edge.label})` : ""}`);

describe("architectureOf", () => {
  it("draws the tutorial as the hands-on does: three zones, each with a public subnet holding a NAT gateway and a private one holding the tasks", () => {
    expect(boxes(draw().region)).toEqual([
      "AWS ap-northeast-1: ",
      "VPC 10.0.0.0/16: Internet gateway, Application Load Balancer handson, HTTP :80 (fixed-response), Target group handson :80 /",
      ...["1a", "1c", "1d"].flatMap((zone, index) => [
        `ap-northeast-${zone}: `,
        `private subnet 10.0.${index + 1}0.0/24: Fargate tasks`,
        `public subnet 10.0.${index + 1}.0/24: load balancer node, NAT gateway`,
      ]),
      "ECS cluster handson: Service handson: 1 × nginx:1.14 (0.25 vCPU, 0.5 GB)",
    ]);
  });

  it("labels the flows with what the security groups admit, and sends the tasks out through their zone's NAT gateway", () => {
    const drawn = flows(draw());
    expect(drawn).toContain("Internet -> Application Load Balancer handson (tcp 80 from 0.0.0.0/0 (security group))");
    expect(drawn.filter((flow) => flow === "Target group handson :80 / -> Fargate tasks (tcp 80 from 10.0.0.0/16)")).toHaveLength(3);
    expect(drawn.filter((flow) => flow === "Fargate tasks -> NAT gateway (egress)")).toHaveLength(3);
    expect(drawn).toContain("Internet gateway -> Internet (out)");
  });

  it("shows the load balancer as the tasks' only way in under the recommended defaults, and the tasks going out directly without NAT", () => {
    const drawn = flows(draw({ defaults: "recommended", natGateways: "none" }));
    expect(drawn).toContain("Target group handson :80 / -> Fargate tasks (tcp 80 from the load balancer only)");
    expect(drawn.filter((flow) => flow === "Fargate tasks -> Internet gateway (egress)")).toHaveLength(3);
  });

  it("shows which rule forwards to which service's target group, for several services on one load balancer", () => {
    const drawn = flows(
      draw({
        services: {
          web: { listenerRule: { pathPatterns: ["/*"], priority: 100 } },
          api: { listenerRule: { pathPatterns: ["/api/*"], priority: 10 } },
          admin: { listenerRule: { hostHeaders: ["admin.example.com"], priority: 20 } },
        },
      }),
    );
    expect(drawn).toEqual(
      expect.arrayContaining([
        "HTTP :80 (fixed-response) -> Target group handson :80 / (forward /* (100))",
        "HTTP :80 (fixed-response) -> Target group handson-api :80 / (forward /api/* (10))",
        "HTTP :80 (fixed-response) -> Target group handson-admin :80 / (forward admin.example.com (20))",
      ]),
    );
  });

  it("draws what exists already as such: the VPC by ID with the subnets given, the cluster by name, the listener the rules go on", () => {
    const drawn = draw({
      existing: {
        vpc: { vpcId: "vpc-0abc0000000000000", privateSubnetIds: ["subnet-11000000000000000", "subnet-12000000000000000"] },
        clusterName: "platform",
        listenerArn: "arn:aws:elasticloadbalancing:ap-northeast-1:123456789012:listener/app/edge/50dc6c495c0c9188/f2f7dc8efc522ab2",
      },
      serviceIngress: "alb-security-group",
      listenerRule: { pathPatterns: ["/web/*"], priority: 30 },
    });
    // Named after its port and VPC: a target group written for changes on a live stack.
    const group = targetGroupName("handson", 80, "vpc-0abc0000000000000");
    expect(boxes(drawn.region)).toEqual(
      expect.arrayContaining([
        `VPC vpc-0abc0000000000000 (existing): Listener of an existing load balancer, Target group ${group} :80 /`,
        "subnet subnet-11000000000000000: Fargate tasks",
        "subnet subnet-12000000000000000: Fargate tasks",
        "ECS cluster platform (existing): Service handson: 1 × nginx:1.14 (0.25 vCPU, 0.5 GB)",
      ]),
    );
    expect(flows(drawn)).toEqual(
      expect.arrayContaining([
        `Listener of an existing load balancer -> Target group ${group} :80 / (forward /web/* (30))`,
        `Target group ${group} :80 / -> Fargate tasks (tcp 80 from the load balancer only)`,
      ]),
    );
  });

  it("adds DNS outside, and the certificate and the WAF in the region, outside the VPC, the WAF in front of the load balancer", () => {
    const drawn = draw({ https: { domain: "example.com" }, loadBalancer: { waf: true } });
    expect(drawn.outside.map((node) => node.label)).toEqual(["Internet", "DNS example.com"]);
    expect(drawn.region.nodes.map((node) => node.label)).toEqual(expect.arrayContaining(["ACM certificate example.com", "WAF web ACL"]));
    const vpc = drawn.region.groups.find((group) => group.kind === "vpc");
    expect(boxes(vpc!).join("\n")).not.toMatch(/WAF|certificate/);
    expect(drawn.edges).toContainEqual(expect.objectContaining({ from: "aws_acm_certificate_main", label: "TLS", dashed: true }));
    expect(drawn.edges).toContainEqual(expect.objectContaining({ to: "aws_lb_main", label: "filters" }));
  });

  it("sends the access logs to the bucket itself, not to the bucket policy the load balancer names", () => {
    const drawn = draw({ defaults: "recommended" });
    const logs = drawn.edges.find((edge) => edge.label === "access logs");
    expect(labelOf(drawn, logs!.to)).toBe("S3 access logs");
  });

  it("links the load balancer to its node in each public subnet, and each service to its roles and logs", () => {
    const drawn = draw({ defaults: "recommended" });
    const relations = drawn.edges.map(
      (edge) => `${labelOf(drawn, edge.from)} -> ${labelOf(drawn, edge.to)}${edge.label ? ` (${edge.label})` : ""}`,
    );
    expect(relations.filter((one) => one === "Application Load Balancer handson -> load balancer node")).toHaveLength(3);
    expect(relations).toEqual(
      expect.arrayContaining([
        "Service handson: 1 × nginx:1.14 (0.25 vCPU, 0.5 GB) -> Task role handson-ap-northeast-1-task (runs as)",
        "Service handson: 1 × nginx:1.14 (0.25 vCPU, 0.5 GB) -> Execution role handson-ap-northeast-1-execution (pulls, logs with)",
        "Service handson: 1 × nginx:1.14 (0.25 vCPU, 0.5 GB) -> Logs /ecs/handson (logs)",
      ]),
    );
  });

  it("draws each service's own tasks in each subnet, reached from its own target group", () => {
    const drawn = draw({
      services: {
        web: { listenerRule: { pathPatterns: ["/*"], priority: 100 } },
        api: { listenerRule: { pathPatterns: ["/api/*"], priority: 10 } },
      },
    });
    const privateSubnets = boxes(drawn.region).filter((box) => box.startsWith("private subnet"));
    expect(privateSubnets[0]).toMatch(/^private subnet 10\.0\.10\.0\/24: Fargate tasks handson(-api)?, Fargate tasks handson(-api)?$/);
    expect(flows(drawn)).toEqual(
      expect.arrayContaining(["Target group handson-api :80 / -> Fargate tasks handson-api (tcp 80 from 10.0.0.0/16)"]),
    );
    expect(flows(drawn)).not.toContain("Target group handson-api :80 / -> Fargate tasks handson (tcp 80 from 10.0.0.0/16)");
  });
});
