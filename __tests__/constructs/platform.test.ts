import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { TerraformOutput, TerraformStack, Testing } from "cdktf";
import type { FargatePlatformProps } from "../../src/constructs/fargate-platform";
import { FargatePlatform } from "../../src/constructs/fargate-platform";
import { FargateWebService } from "../../src/constructs/fargate-web-service";
import { ref, synthesize } from "../helpers";

/** What a platform tells a service, as Terraform receives it. */
function platformFacts(props: FargatePlatformProps, first = false) {
  const stack = new TerraformStack(Testing.app(), "test");
  new AwsProvider(stack, "aws", { region: "ap-northeast-1" });
  const { platform } = new FargatePlatform(stack, "platform", props);
  new TerraformOutput(stack, "facts", {
    value: {
      listeners: platform.ruleListenerArns(first),
      vpcCidrBlocks: platform.vpcCidrBlocks,
      subnets: platform.taskSubnetIds,
      publicIp: platform.tasksInPublicSubnets,
      cluster: platform.clusterName,
    },
  });
  return synthesize(stack).doc.output!.facts.value as unknown as Record<string, unknown>;
}

describe("Platform", () => {
  it("puts services' rules on HTTP without HTTPS, on HTTPS alone when HTTP redirects, and on both under the tutorial's HTTPS chapter", () => {
    expect(platformFacts({}).listeners).toEqual([ref("aws_lb_listener.main", "arn")]);
    expect(platformFacts({ defaults: "recommended", https: { domain: "example.com" } }).listeners).toEqual([
      ref("aws_lb_listener.https", "arn"),
    ]);
    expect(platformFacts({ https: { domain: "example.com" } }).listeners).toEqual([
      ref("aws_lb_listener.main", "arn"),
      ref("aws_lb_listener.https", "arn"),
    ]);
  });

  it("runs tasks in the private subnets, or in the public ones with a public IP when there is no NAT gateway", () => {
    expect(platformFacts({})).toMatchObject({
      publicIp: false,
      subnets: ["1a", "1c", "1d"].map((zone) => ref(`aws_subnet.private_${zone}`, "id")),
      vpcCidrBlocks: ["10.0.0.0/16"],
      cluster: ref("aws_ecs_cluster.main", "name"),
    });
    expect(platformFacts({ natGateways: "none" })).toMatchObject({
      publicIp: true,
      subnets: ["1a", "1c", "1d"].map((zone) => ref(`aws_subnet.public_${zone}`, "id")),
    });
  });

  it("reads what exists: every IPv4 block of the VPC, the given private subnets, the cluster's name, the listener", () => {
    const facts = platformFacts({
      existing: {
        vpc: { vpcId: "vpc-0abc0000000000000", privateSubnetIds: ["subnet-11000000000000000"] },
        clusterName: "platform",
        listenerArn: "arn:aws:elasticloadbalancing:ap-northeast-1:123456789012:listener/app/edge/50dc6c495c0c9188/f2f7dc8efc522ab2",
      },
    });
    expect(facts).toEqual({
      listeners: [ref("data.aws_lb_listener.existing", "arn")],
      vpcCidrBlocks: '${[for block in data.aws_vpc.existing.cidr_block_associations : block.cidr_block if block.state == "associated"]}',
      subnets: ["subnet-11000000000000000"],
      publicIp: false,
      cluster: ref("data.aws_ecs_cluster.existing", "cluster_name"),
    });
  });

  it("keeps the first service of a FargateWebService as its first, with the tutorial's HTTPS forwarding to it", () => {
    const stack = new TerraformStack(Testing.app(), "test");
    new AwsProvider(stack, "aws", { region: "ap-northeast-1" });
    const web = new FargateWebService(stack, "web", { https: { domain: "example.com" } });
    expect(web.platform.services.map((service) => service.label)).toEqual(["test/web"]);
    expect(web.https?.listener).toBeDefined();
  });
});
