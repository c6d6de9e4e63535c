import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { TerraformOutput, TerraformStack, Testing } from "cdktf";
import { FargatePlatform } from "../../src/constructs/fargate-platform";
import { PlatformService } from "../../src/constructs/platform-service";
import { SettingsError } from "../../src/settings/problems";
import { addresses, ref, resourceAt, synthesize } from "../helpers";

const LISTENER = "arn:aws:elasticloadbalancing:ap-northeast-1:123456789012:listener/app/edge/50dc6c495c0c9188/f2f7dc8efc522ab2";

function stackWithProvider(): TerraformStack {
  const stack = new TerraformStack(Testing.app(), "test");
  new AwsProvider(stack, "aws", { region: "ap-northeast-1" });
  return stack;
}

describe("FargatePlatform", () => {
  it("is the tutorial's network, load balancer and cluster without a service", () => {
    const stack = stackWithProvider();
    const { platform } = new FargatePlatform(stack, "platform");
    new TerraformOutput(stack, "listeners", { value: platform.ruleListenerArns(true) });
    const synth = synthesize(stack);
    expect(
      addresses(synth).filter((address) => /^aws_(ecs_service|ecs_task_definition|lb_target_group|lb_listener_rule)\./.test(address)),
    ).toEqual([]);
    expect(addresses(synth)).toContain("aws_lb.main");
    expect(addresses(synth)).toContain("aws_ecs_cluster.main");
    expect(platform.services).toEqual([]);
    expect(synth.doc.output!.listeners.value).toEqual([ref("aws_lb_listener.main", "arn")]);
  });

  it("looks up an existing VPC and its subnets instead of creating a network, and places the load balancer and tasks in them", () => {
    const stack = stackWithProvider();
    const platform = new FargatePlatform(stack, "platform", {
      defaults: "recommended",
      existing: {
        vpc: {
          vpcId: "vpc-0abc0000000000000",
          publicSubnetIds: ["subnet-01000000000000000", "subnet-02000000000000000"],
          privateSubnetIds: ["subnet-11000000000000000", "subnet-12000000000000000"],
        },
      },
    });
    new PlatformService(stack, "web", { platform });
    const synth = synthesize(stack);
    expect(
      addresses(synth).filter((address) => /^aws_(vpc|subnet|nat_gateway|internet_gateway|route|default_security_group)/.test(address)),
    ).toEqual([]);
    expect(resourceAt(synth, "aws_lb.main").subnets).toEqual(["subnet-01000000000000000", "subnet-02000000000000000"]);
    expect(resourceAt(synth, "aws_lb_target_group.main").vpc_id).toBe("${data.aws_vpc.existing.id}");
    expect(resourceAt(synth, "aws_ecs_service.main").network_configuration.subnets).toEqual([
      "subnet-11000000000000000",
      "subnet-12000000000000000",
    ]);
    // The load balancer reaches only the VPC, whatever its blocks, the secondary ones too: read from the VPC itself.
    const everyBlock = '${[for block in data.aws_vpc.existing.cidr_block_associations : block.cidr_block if block.state == "associated"]}';
    expect(resourceAt(synth, "aws_security_group.alb").egress[0].cidr_blocks).toBe(everyBlock);
  });

  it("puts services on an existing cluster and listener: no load balancer, cluster or network of its own", () => {
    const stack = stackWithProvider();
    const platform = new FargatePlatform(stack, "platform", {
      existing: {
        vpc: { vpcId: "vpc-0abc0000000000000", privateSubnetIds: ["subnet-11000000000000000"] },
        clusterName: "platform",
        listenerArn: LISTENER,
      },
    });
    new PlatformService(stack, "web", {
      platform,
      serviceIngress: "alb-security-group",
      listenerRule: { pathPatterns: ["/web/*"], priority: 30 },
    });
    const synth = synthesize(stack);
    expect(addresses(synth).filter((address) => /^aws_(vpc|lb|lb_listener|ecs_cluster)\./.test(address))).toEqual([]);
    expect(resourceAt(synth, "aws_lb_listener_rule.main")).toMatchObject({
      listener_arn: "${data.aws_lb_listener.existing.arn}",
      priority: 30,
    });
    expect(resourceAt(synth, "aws_ecs_service.main").cluster).toBe("${data.aws_ecs_cluster.existing.cluster_name}");
    expect(resourceAt(synth, "aws_security_group_rule.ecs").source_security_group_id).toBe(
      "${element(tolist(data.aws_lb.existing.security_groups), 0)}",
    );
  });

  it("refuses a listener without the VPC of its load balancer", () => {
    expect(() => new FargatePlatform(stackWithProvider(), "platform", { existing: { listenerArn: LISTENER } })).toThrow(
      new SettingsError([
        "test/platform.existing.vpc: is required with existing.listenerArn: the target groups go in the VPC of the listener's load balancer; received nothing",
      ]),
    );
  });

  it("claims its name in the stack", () => {
    const stack = stackWithProvider();
    new FargatePlatform(stack, "one", { name: "shop" });
    expect(() => new FargatePlatform(stack, "two", { name: "shop" })).toThrow(/^test\/two\.name: must differ from the name of test\/one/);
  });

  it("is valid Terraform with three services", () => {
    const stack = stackWithProvider();
    const platform = new FargatePlatform(stack, "platform", { defaults: "recommended", https: { domain: "example.com" } });
    new PlatformService(stack, "web", { platform, listenerRule: { pathPatterns: ["/*"], priority: 100 } });
    new PlatformService(stack, "api", { platform, listenerRule: { pathPatterns: ["/api/*"], priority: 10 } });
    new PlatformService(stack, "admin", { platform, listenerRule: { hostHeaders: ["admin.example.com"], priority: 20 } });
    const synth = synthesize(stack);
    expect(resourceAt(synth, "aws_lb_listener_rule.api_main").listener_arn).toBe(ref("aws_lb_listener.https", "arn"));
    expect(Testing.fullSynth(stack)).toBeValidTerraform();
  });
});
