import { AcmCertificate } from "@cdktf/provider-aws/lib/acm-certificate";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { TerraformStack, Testing } from "cdktf";
import { Https } from "../../src/constructs/https";
import { LoadBalancer, unmatchedAction } from "../../src/constructs/load-balancer";
import { CHAPTER_ADDRESSES } from "../fixtures/chapter-addresses";
import { addresses, ref, resourceAt, synthesize } from "../helpers";

/** The HTTPS chapter on the ALB chapter's load balancer, with these props. */
function synthesizeHttps(props: Partial<ConstructorParameters<typeof Https>[2]> = {}) {
  const stack = new TerraformStack(Testing.app(), "test");
  new AwsProvider(stack, "aws", { region: "ap-northeast-1" });
  const loadBalancer = new LoadBalancer(stack, "lb", { name: "handson", vpcId: "vpc-1", subnetIds: ["subnet-1", "subnet-2"] });
  new Https(stack, "https", {
    domain: "example.com",
    hostedZone: "example.com",
    loadBalancer,
    defaultAction: { type: "forward", targetGroupArn: "arn:tg" },
    redirectRule: true,
    ...props,
  });
  return synthesize(stack);
}

describe("Https (the tutorial's HTTPS chapter)", () => {
  const synth = synthesizeHttps();
  const record = (field: string) =>
    `\${one([for option in aws_acm_certificate.main.domain_validation_options : option.resource_record_${field} if option.domain_name == "example.com"])}`;

  it("adds exactly the chapter's resources, at the chapter's addresses", () => {
    expect(
      addresses(synth).filter((address) => !/^aws_(lb|lb_listener|security_group|security_group_rule)\.(main|alb|alb_http)$/.test(address)),
    ).toEqual(CHAPTER_ADDRESSES.https);
    expect(synth.doc).toMatchObject({ data: { aws_route53_zone: { main: { name: "example.com", private_zone: false } } } });
  });

  it("validates a certificate for the domain through DNS, replacing it before destroying it", () => {
    expect(synth.json).toHaveResourceWithProperties(AcmCertificate, { domain_name: "example.com", validation_method: "DNS" });
    expect(resourceAt(synth, "aws_acm_certificate.main")).toEqual({
      domain_name: "example.com",
      validation_method: "DNS",
      lifecycle: { create_before_destroy: true },
    });
    expect(resourceAt(synth, "aws_route53_record.validation")).toMatchObject({
      zone_id: ref("data.aws_route53_zone.main", "zone_id"),
      ttl: 60,
      name: record("name"),
      type: record("type"),
      records: [record("value")],
      depends_on: ["aws_acm_certificate.main"],
    });
    expect(resourceAt(synth, "aws_acm_certificate_validation.main")).toMatchObject({
      certificate_arn: ref("aws_acm_certificate.main", "arn"),
      validation_record_fqdns: [ref("aws_route53_record.validation", "fqdn")],
    });
  });

  it("points the domain at the load balancer, and opens 443 to everyone", () => {
    expect(resourceAt(synth, "aws_route53_record.main")).toMatchObject({
      type: "A",
      name: "example.com",
      alias: { name: ref("aws_lb.main", "dns_name"), zone_id: ref("aws_lb.main", "zone_id"), evaluate_target_health: true },
    });
    expect(resourceAt(synth, "aws_security_group_rule.alb_https")).toMatchObject({
      security_group_id: ref("aws_security_group.alb", "id"),
      type: "ingress",
      from_port: 443,
      to_port: 443,
      protocol: "tcp",
      cidr_blocks: ["0.0.0.0/0"],
    });
  });

  it("listens on 443 with the validated certificate, and redirects the domain's HTTP with priority 99", () => {
    expect(resourceAt(synth, "aws_lb_listener.https")).toMatchObject({
      load_balancer_arn: ref("aws_lb.main", "arn"),
      certificate_arn: ref("aws_acm_certificate_validation.main", "certificate_arn"),
      port: 443,
      protocol: "HTTPS",
      default_action: [{ type: "forward", target_group_arn: "arn:tg" }],
    });
    expect(resourceAt(synth, "aws_lb_listener.https").ssl_policy).toBeUndefined();
    expect(resourceAt(synth, "aws_lb_listener_rule.http_to_https")).toMatchObject({
      listener_arn: ref("aws_lb_listener.main", "arn"),
      priority: 99,
      action: [{ type: "redirect", redirect: { port: "443", protocol: "HTTPS", status_code: "HTTP_301" } }],
      condition: [{ host_header: { values: ["example.com"] } }],
    });
  });
});

describe("Https beyond the chapter", () => {
  it("names more domains on the certificate, each validated and pointed at the load balancer", () => {
    const synth = synthesizeHttps({ domain: "api.example.com", aliases: ["www.example.com", "*.example.com"] });
    expect(resourceAt(synth, "aws_acm_certificate.main").subject_alternative_names).toEqual(["www.example.com", "*.example.com"]);
    expect(resourceAt(synth, "aws_route53_record.validation_aliases")).toMatchObject({
      for_each: '${toset(["www.example.com", "*.example.com"])}',
      allow_overwrite: true,
      name: expect.stringContaining("if option.domain_name == each.key"),
    });
    expect(resourceAt(synth, "aws_acm_certificate_validation.main").validation_record_fqdns).toEqual([
      ref("aws_route53_record.validation", "fqdn"),
      '${aws_route53_record.validation_aliases["www.example.com"].fqdn}',
      '${aws_route53_record.validation_aliases["*.example.com"].fqdn}',
    ]);
    expect(resourceAt(synth, "aws_route53_record.aliases")).toMatchObject({
      for_each: '${toset(["www.example.com", "*.example.com"])}',
      name: "${each.key}",
      type: "A",
    });
  });

  it("writes a record shared by two names once: a wildcard beside its apex, or beside the domain, is validated with theirs", () => {
    const synth = synthesizeHttps({
      domain: "example.com",
      aliases: ["*.example.com", "api.example.com", "*.api.example.com", "www.example.com"],
    });
    expect(resourceAt(synth, "aws_route53_record.validation_aliases").for_each).toBe('${toset(["api.example.com", "www.example.com"])}');
    expect(resourceAt(synth, "aws_acm_certificate_validation.main").validation_record_fqdns).toEqual([
      ref("aws_route53_record.validation", "fqdn"),
      '${aws_route53_record.validation_aliases["api.example.com"].fqdn}',
      '${aws_route53_record.validation_aliases["www.example.com"].fqdn}',
    ]);
    // Every name still gets its own A record.
    expect(resourceAt(synth, "aws_route53_record.aliases").for_each).toBe(
      '${toset(["*.example.com", "api.example.com", "*.api.example.com", "www.example.com"])}',
    );
    const wildcardOnly = synthesizeHttps({ domain: "example.com", aliases: ["*.example.com"] });
    expect(addresses(wildcardOnly)).not.toContain("aws_route53_record.validation_aliases");
  });

  it("takes over the domain's validation record that a certificate of the account wrote before, unless it is the tutorial's", () => {
    expect(resourceAt(synthesizeHttps({ adoptValidationRecord: true }), "aws_route53_record.validation").allow_overwrite).toBe(true);
    expect(resourceAt(synthesizeHttps(), "aws_route53_record.validation").allow_overwrite).toBeUndefined();
  });

  it("finds the hosted zone by its ID", () => {
    const synth = synthesizeHttps({ hostedZone: "Z0123456789ABCDEFGHIJ" });
    expect(synth.doc).toMatchObject({ data: { aws_route53_zone: { main: { zone_id: "Z0123456789ABCDEFGHIJ", private_zone: false } } } });
  });

  it("takes a TLS policy, a default of its own, and no redirect rule when HTTP is redirected as a whole", () => {
    const synth = synthesizeHttps({
      tlsPolicy: "ELBSecurityPolicy-TLS13-1-2-2021-06",
      defaultAction: unmatchedAction("not-found"),
      redirectRule: false,
    });
    expect(resourceAt(synth, "aws_lb_listener.https")).toMatchObject({
      ssl_policy: "ELBSecurityPolicy-TLS13-1-2-2021-06",
      default_action: [
        { type: "fixed-response", fixed_response: { status_code: "404", message_body: "Not Found", content_type: "text/plain" } },
      ],
    });
    expect(addresses(synth)).not.toContain("aws_lb_listener_rule.http_to_https");
  });
});
