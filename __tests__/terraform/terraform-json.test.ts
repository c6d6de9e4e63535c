import { blocks, parseDocument, referencesIn, StackResources } from "../../src/terraform/terraform-json";

describe("a stack's Terraform JSON", () => {
  const stack = new StackResources({
    resource: {
      aws_lb: { main: { security_groups: ["${aws_security_group.alb.id}"] } },
      aws_lb_listener: { main: { load_balancer_arn: "${aws_lb.main.arn}" }, other: { load_balancer_arn: "arn:aws:…" } },
      aws_security_group: { alb: {} },
    },
    terraform: { backend: { s3: { bucket: "state" } } },
  });

  it("lists its resources by address, and by type", () => {
    expect(stack.all().map((resource) => resource.address)).toEqual([
      "aws_lb.main",
      "aws_lb_listener.main",
      "aws_lb_listener.other",
      "aws_security_group.alb",
    ]);
    expect(stack.ofType("aws_security_group", "aws_lb").map((resource) => resource.address)).toEqual([
      "aws_lb.main",
      "aws_security_group.alb",
    ]);
    expect(stack.backend).toEqual({ s3: { bucket: "state" } });
  });

  it("finds what refers to a resource through Terraform expressions", () => {
    expect(stack.referringTo("aws_lb.main", "aws_lb_listener").map((resource) => resource.address)).toEqual(["aws_lb_listener.main"]);
    expect(referencesIn({ a: ["${aws_subnet.public_1a.id}", "x"], b: "${aws_vpc.main.id}-${data.aws_region.current.name}" })).toEqual([
      "aws_subnet.public_1a",
      "aws_vpc.main",
      "data.aws_region.current",
    ]);
    expect(referencesIn("${aws_lb.main[0].arn}")).toEqual(["aws_lb.main"]);
    expect(referencesIn("${concat(aws_security_group.a[*].id, [aws_security_group.b.id])}")).toEqual([
      "aws_security_group.a",
      "aws_security_group.b",
    ]);
    expect(referencesIn("${element(aws_security_group.a.*.id, 0)}")).toEqual(["aws_security_group.a"]);
    // Text outside expressions, and escaped ones, name nothing.
    expect(referencesIn("orders.example-shop.com $${aws_vpc.main.id}")).toEqual([]);
  });

  it("reads a block written once as an object, several times as an array, or not at all; and JSON documents held as strings", () => {
    expect(blocks({ type: "forward" })).toEqual([{ type: "forward" }]);
    expect(blocks([{ a: 1 }, { b: 2 }])).toHaveLength(2);
    expect(blocks(undefined)).toEqual([]);
    expect(parseDocument('[{"name":"web"}]')).toEqual([{ name: "web" }]);
    expect(parseDocument("${jsonencode(local.x)}")).toBeUndefined();
  });
});
