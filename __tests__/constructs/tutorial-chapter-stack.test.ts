import { Testing } from "cdktf";
import { TutorialChapterStack } from "../../src/constructs/tutorial-chapter-stack";
import { WebServiceStack } from "../../src/constructs/web-service-stack";
import { addresses, synthesize } from "../helpers";

const handson = addresses(synthesize(new WebServiceStack(Testing.app(), "handson")));

describe("TutorialChapterStack", () => {
  it("is the VPC chapter alone: its 28 resources, at the tutorial's addresses, with handson's state", () => {
    const synth = synthesize(new TutorialChapterStack(Testing.app(), "handson-vpc", { lastChapter: "vpc", sharesStateWith: "handson" }));
    expect(addresses(synth)).toHaveLength(28);
    expect(addresses(synth).every((address) => handson.includes(address))).toBe(true);
    expect(addresses(synth).some((address) => /^aws_(lb|ecs)/.test(address))).toBe(false);
    expect(synth.doc.terraform?.backend).toEqual({ local: { path: "../../../terraform.handson.tfstate" } });
    expect(Object.keys(synth.doc.output ?? {})).toEqual(["vpc_id"]);
  });

  it("builds the network the stage that follows on its state builds, under the recommended defaults too", () => {
    const settings = { defaults: "recommended", name: "web" } as const;
    const chapter = synthesize(new TutorialChapterStack(Testing.app(), "web-vpc", { ...settings, lastChapter: "vpc" }));
    const full = synthesize(new WebServiceStack(Testing.app(), "web", settings));
    expect(addresses(chapter)).toContain("aws_default_security_group.main");
    for (const [type, byName] of Object.entries(chapter.doc.resource)) expect(full.doc.resource[type], type).toMatchObject(byName);
  });

  it("builds the load balancer the stage that follows builds: under the recommended defaults, hardened, with its access logs", () => {
    const settings = { defaults: "recommended", name: "web" } as const;
    const chapter = synthesize(new TutorialChapterStack(Testing.app(), "web-alb", { ...settings, lastChapter: "alb" }));
    const full = synthesize(new WebServiceStack(Testing.app(), "web", settings));
    expect(addresses(chapter)).toEqual(expect.arrayContaining(["aws_s3_bucket.alb_logs", "aws_lb.main"]));
    expect(addresses(chapter).some((address) => address.startsWith("aws_ecs_"))).toBe(false);
    for (const [type, byName] of Object.entries(chapter.doc.resource)) expect(full.doc.resource[type], type).toMatchObject(byName);
  });

  it("adds the ALB chapter: the load balancer, its security group and HTTP listener", () => {
    const synth = synthesize(new TutorialChapterStack(Testing.app(), "handson-alb", { lastChapter: "alb", sharesStateWith: "handson" }));
    const vpc = addresses(synthesize(new TutorialChapterStack(Testing.app(), "handson-vpc", { lastChapter: "vpc" })));
    expect(addresses(synth).filter((address) => !vpc.includes(address))).toEqual([
      "aws_lb.main",
      "aws_lb_listener.main",
      "aws_security_group.alb",
      "aws_security_group_rule.alb_http",
    ]);
    expect(addresses(synth).every((address) => handson.includes(address))).toBe(true);
    expect(Object.keys(synth.doc.output ?? {}).sort()).toEqual(["alb_dns_name", "url", "vpc_id"]);
  });
});
