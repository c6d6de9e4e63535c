import { Lb } from "@cdktf/provider-aws/lib/lb";
import { LbListener } from "@cdktf/provider-aws/lib/lb-listener";
import { SecurityGroup } from "@cdktf/provider-aws/lib/security-group";
import { SecurityGroupRule } from "@cdktf/provider-aws/lib/security-group-rule";
import { LoadBalancer } from "../../src/constructs/load-balancer";
import { addresses, ref, resourceAt, synthesizeScope } from "../helpers";

describe("LoadBalancer", () => {
  // GIVEN the ALB chapter in a VPC with three public subnets
  const synth = synthesizeScope(
    (scope) =>
      new LoadBalancer(scope, "load-balancer", {
        name: "handson",
        vpcId: "vpc-1",
        subnetIds: ["subnet-a", "subnet-c", "subnet-d"],
      }),
  );

  it("creates the ALB security group with all egress", () => {
    expect(synth.json).toHaveResource(SecurityGroup);
    expect(synth.json).toHaveResourceWithProperties(SecurityGroup, {
      name: "handson-alb",
      description: "handson alb",
      vpc_id: "vpc-1",
      tags: { Name: "handson-alb" },
    });
    expect(resourceAt(synth, "aws_security_group.alb").egress).toEqual([
      expect.objectContaining({ from_port: 0, to_port: 0, protocol: "-1", cidr_blocks: ["0.0.0.0/0"] }),
    ]);
  });

  it("allows HTTP on port 80 from anywhere", () => {
    expect(synth.json).toHaveResource(SecurityGroupRule);
    expect(synth.json).toHaveResourceWithProperties(SecurityGroupRule, {
      security_group_id: ref("aws_security_group.alb", "id"),
      type: "ingress",
      from_port: 80,
      to_port: 80,
      protocol: "tcp",
      cidr_blocks: ["0.0.0.0/0"],
    });
    expect(resourceAt(synth, "aws_security_group_rule.alb_http").type).toBe("ingress");
  });

  it("creates an internet-facing application load balancer in the given subnets", () => {
    expect(synth.json).toHaveResource(Lb);
    expect(resourceAt(synth, "aws_lb.main")).toMatchObject({
      name: "handson",
      load_balancer_type: "application",
      internal: false,
      security_groups: [ref("aws_security_group.alb", "id")],
      subnets: ["subnet-a", "subnet-c", "subnet-d"],
    });
  });

  it("listens on HTTP 80 and answers 200 text/plain 'ok' by default", () => {
    expect(synth.json).toHaveResource(LbListener);
    expect(synth.json).toHaveResourceWithProperties(LbListener, {
      load_balancer_arn: ref("aws_lb.main", "arn"),
      port: 80,
      protocol: "HTTP",
      default_action: [
        {
          type: "fixed-response",
          fixed_response: { content_type: "text/plain", status_code: "200", message_body: "ok" },
        },
      ],
    });
  });

  it("creates exactly the ALB chapter's four resources", () => {
    expect(addresses(synth)).toEqual(["aws_lb.main", "aws_lb_listener.main", "aws_security_group.alb", "aws_security_group_rule.alb_http"]);
  });
});

describe("LoadBalancer address prefix", () => {
  it("puts the prefix in front of every address and reference", () => {
    const synth = synthesizeScope(
      (scope) => new LoadBalancer(scope, "lb", { name: "api", vpcId: "vpc-1", subnetIds: ["a", "b"], addressPrefix: "api" }),
    );
    expect(addresses(synth)).toEqual([
      "aws_lb.api_main",
      "aws_lb_listener.api_main",
      "aws_security_group.api_alb",
      "aws_security_group_rule.api_alb_http",
    ]);
    expect(resourceAt(synth, "aws_lb_listener.api_main").load_balancer_arn).toBe(ref("aws_lb.api_main", "arn"));
  });
});

describe("LoadBalancer beyond the tutorial", () => {
  it("answers unmatched requests with a 404, or redirects all of HTTP to HTTPS", () => {
    const notFound = synthesizeScope(
      (scope) => new LoadBalancer(scope, "lb", { name: "web", vpcId: "vpc-1", subnetIds: ["a", "b"], httpDefault: "not-found" }),
    );
    expect(resourceAt(notFound, "aws_lb_listener.main").default_action).toEqual([
      { type: "fixed-response", fixed_response: { content_type: "text/plain", status_code: "404", message_body: "Not Found" } },
    ]);
    const redirect = synthesizeScope(
      (scope) => new LoadBalancer(scope, "lb", { name: "web", vpcId: "vpc-1", subnetIds: ["a", "b"], httpDefault: "redirect-to-https" }),
    );
    expect(resourceAt(redirect, "aws_lb_listener.main").default_action).toEqual([
      { type: "redirect", redirect: { port: "443", protocol: "HTTPS", status_code: "HTTP_301" } },
    ]);
  });

  it("drops invalid headers, protects itself from deletion and writes access logs, only when asked", () => {
    const hardened = synthesizeScope(
      (scope) =>
        new LoadBalancer(scope, "lb", {
          name: "web",
          vpcId: "vpc-1",
          subnetIds: ["a", "b"],
          dropInvalidHeaderFields: true,
          deletionProtection: true,
          accessLogs: { bucket: "logs", prefix: "alb" },
        }),
    );
    expect(resourceAt(hardened, "aws_lb.main")).toMatchObject({
      drop_invalid_header_fields: true,
      enable_deletion_protection: true,
      access_logs: { bucket: "logs", prefix: "alb", enabled: true },
    });
    const plain = synthesizeScope((scope) => new LoadBalancer(scope, "lb", { name: "web", vpcId: "vpc-1", subnetIds: ["a", "b"] }));
    expect(Object.keys(resourceAt(plain, "aws_lb.main")).sort()).toEqual([
      "internal",
      "load_balancer_type",
      "name",
      "security_groups",
      "subnets",
    ]);
  });
});
