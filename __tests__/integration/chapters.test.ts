import { DescribeCertificateCommand, ListCertificatesCommand } from "@aws-sdk/client-acm";
import { DescribeSecurityGroupsCommand } from "@aws-sdk/client-ec2";
import {
  DescribeListenersCommand,
  DescribeLoadBalancersCommand,
  DescribeRulesCommand,
  DescribeTargetGroupsCommand,
} from "@aws-sdk/client-elastic-load-balancing-v2";
import { ListHostedZonesByNameCommand, ListResourceRecordSetsCommand } from "@aws-sdk/client-route-53";
import { inventory } from "../../tools/harness/aws-inventory";
import { TerraformWorkspace } from "../../tools/harness/terraform-workspace";
import { CHAPTER_ADDRESSES } from "../fixtures/chapter-addresses";
import { type Environment, NOTHING_LEFT, startEnvironment } from "./environment";

/** The stages of the hands-on, and what each adds to the last. */
const CHAPTERS = {
  "handson-vpc": 28,
  "handson-alb": CHAPTER_ADDRESSES.alb,
  handson: CHAPTER_ADDRESSES.ecs,
  "handson-https": CHAPTER_ADDRESSES.https,
} as const;

// The hands-on is followed one chapter at a time, each `terraform apply` on the same state adding
// the next chapter: the four environment files are those stages of one deployment.
describe("the hands-on chapter by chapter, on one state", () => {
  let e: Environment;
  const workspaceOf = (stack: string) => TerraformWorkspace.ofStack(e.root, stack, e.env);
  beforeAll(async () => {
    e = await startEnvironment("handson-https");
  });
  afterAll(async () => e?.dispose());

  it.each(Object.entries(CHAPTERS))("%s adds only its chapter, then re-plans empty", async (stack, added) => {
    const workspace = workspaceOf(stack);
    await workspace.init();
    const changes = await workspace.plan();
    expect(changes.every((change) => change.actions.join() === "create")).toBe(true);
    if (typeof added === "number") expect(changes).toHaveLength(added);
    else expect(changes.map((change) => change.address).sort()).toEqual(added);
    await workspace.apply();
    expect(await workspace.plan()).toEqual([]);
  });

  it("serves HTTPS for example.com with an issued certificate, validated through its zone", async () => {
    const { HostedZones } = await e.aws.route53.send(new ListHostedZonesByNameCommand({ DNSName: "example.com" }));
    const { ResourceRecordSets } = await e.aws.route53.send(new ListResourceRecordSetsCommand({ HostedZoneId: HostedZones![0].Id }));
    const { CertificateSummaryList } = await e.aws.acm.send(new ListCertificatesCommand({ CertificateStatuses: ["ISSUED"] }));
    expect(CertificateSummaryList!.map((certificate) => certificate.DomainName)).toEqual(["example.com"]);
    const { Certificate } = await e.aws.acm.send(
      new DescribeCertificateCommand({ CertificateArn: CertificateSummaryList![0].CertificateArn }),
    );
    const validation = Certificate!.DomainValidationOptions![0].ResourceRecord!;
    expect(ResourceRecordSets).toContainEqual(
      expect.objectContaining({ Name: validation.Name, Type: "CNAME", ResourceRecords: [{ Value: validation.Value }], TTL: 60 }),
    );

    const { LoadBalancers } = await e.aws.elbv2.send(new DescribeLoadBalancersCommand({ Names: ["handson"] }));
    const alb = LoadBalancers![0];
    expect(ResourceRecordSets).toContainEqual(
      expect.objectContaining({
        Name: "example.com.",
        Type: "A",
        AliasTarget: { DNSName: alb.DNSName, HostedZoneId: alb.CanonicalHostedZoneId, EvaluateTargetHealth: true },
      }),
    );

    const { Listeners } = await e.aws.elbv2.send(new DescribeListenersCommand({ LoadBalancerArn: alb.LoadBalancerArn }));
    const byPort = Object.fromEntries(Listeners!.map((listener) => [listener.Port, listener]));
    const { TargetGroups } = await e.aws.elbv2.send(new DescribeTargetGroupsCommand({ Names: ["handson"] }));
    expect(byPort[443]).toMatchObject({
      Protocol: "HTTPS",
      Certificates: [{ CertificateArn: Certificate!.CertificateArn }],
      DefaultActions: [expect.objectContaining({ Type: "forward", TargetGroupArn: TargetGroups![0].TargetGroupArn })],
    });
    // The tutorial leaves the policy to ELB: the API's default.
    expect(byPort[443].SslPolicy).toBe("ELBSecurityPolicy-2016-08");
    expect(byPort[80].SslPolicy).toBeUndefined();

    const { Rules } = await e.aws.elbv2.send(new DescribeRulesCommand({ ListenerArn: byPort[80].ListenerArn }));
    expect(Rules!.find((rule) => rule.Priority === "99")).toMatchObject({
      Conditions: [expect.objectContaining({ Field: "host-header", HostHeaderConfig: { Values: ["example.com"] } })],
      Actions: [
        expect.objectContaining({
          Type: "redirect",
          RedirectConfig: expect.objectContaining({ Protocol: "HTTPS", Port: "443", StatusCode: "HTTP_301" }),
        }),
      ],
    });

    // The ECS chapter's rule, given no priority, took the first free one when it was created: 1, ahead
    // of the redirect's 99. Its "*" matches every request, so plain HTTP is still forwarded, not
    // redirected — as the tutorial's HCL behaves (the README's note; `https.redirectHttp` fixes it).
    expect(Rules!.find((rule) => rule.Actions![0].Type === "forward")).toMatchObject({
      Priority: "1",
      Conditions: [expect.objectContaining({ Field: "path-pattern", PathPatternConfig: { Values: ["*"] } })],
    });

    const { SecurityGroups } = await e.aws.ec2.send(
      new DescribeSecurityGroupsCommand({ Filters: [{ Name: "group-name", Values: ["handson-alb"] }] }),
    );
    expect(
      SecurityGroups![0]
        .IpPermissions!.map((permission) => [permission.FromPort, permission.IpRanges!.map((range) => range.CidrIp)])
        .sort(),
    ).toEqual([
      [443, ["0.0.0.0/0"]],
      [80, ["0.0.0.0/0"]],
    ]);
  });

  it("destroys every chapter from the first stage, as the README's clean-up does, leaving nothing", async () => {
    // The first stage's file looks nothing up; Terraform destroys all that the shared state holds.
    const destroyed = await workspaceOf("handson-vpc").destroy();
    // Terraform's own account of the destroy, shown should the emulator still hold anything.
    expect(await inventory(e.aws), destroyed.stdout.slice(-4_000)).toEqual(NOTHING_LEFT);
  });
});

// A reader without a domain stops before the HTTPS chapter: no hosted zone exists, and the HTTPS
// stage's file, which looks one up, could not even plan. The clean-up the README gives still works.
describe("cleaning up after the ALB chapter, with no hosted zone anywhere", () => {
  let e: Environment;
  const workspaceOf = (stack: string) => TerraformWorkspace.ofStack(e.root, stack, e.env);
  beforeAll(async () => {
    e = await startEnvironment("handson-alb");
  });
  afterAll(async () => e?.dispose());

  it("applies the VPC and ALB chapters, then destroys both from the first stage", async () => {
    expect(e.facts.hostedZones).toEqual([]);
    for (const stack of ["handson-vpc", "handson-alb"]) {
      await workspaceOf(stack).init();
      await workspaceOf(stack).apply();
    }
    expect((await inventory(e.aws)).loadBalancers).toEqual(["handson"]);
    const destroyed = await workspaceOf("handson-vpc").destroy();
    expect(await inventory(e.aws), destroyed.stdout.slice(-4_000)).toEqual(NOTHING_LEFT);
  });
});
