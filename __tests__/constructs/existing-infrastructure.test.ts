import { TerraformOutput } from "cdktf";
import { ExistingInfrastructureLookups } from "../../src/constructs/existing-infrastructure";
import { synthesizeScope } from "../helpers";

const LISTENER = "arn:aws:elasticloadbalancing:ap-northeast-1:123456789012:listener/app/edge/50dc6c495c0c9188/f2f7dc8efc522ab2";

describe("ExistingInfrastructureLookups", () => {
  it("reads the VPC, the cluster, the listener and its load balancer, and creates nothing", () => {
    const synth = synthesizeScope((scope) => {
      const lookups = new ExistingInfrastructureLookups(scope, "existing", {
        existing: {
          vpc: { vpcId: "vpc-0abc0000000000000", privateSubnetIds: ["subnet-01000000000000000"] },
          clusterName: "platform",
          listenerArn: LISTENER,
        },
      });
      new TerraformOutput(scope, "group", { value: lookups.loadBalancerSecurityGroupId });
    });
    expect(synth.doc.resource).toBeUndefined();
    expect((synth.doc as unknown as { data: unknown }).data).toEqual({
      aws_vpc: { existing: expect.objectContaining({ id: "vpc-0abc0000000000000" }) },
      aws_ecs_cluster: { existing: expect.objectContaining({ cluster_name: "platform" }) },
      aws_lb_listener: { existing: expect.objectContaining({ arn: LISTENER }) },
      aws_lb: { existing: expect.objectContaining({ arn: "${data.aws_lb_listener.existing.load_balancer_arn}" }) },
    });
    expect(synth.doc.output!.group.value).toBe("${element(tolist(data.aws_lb.existing.security_groups), 0)}");
  });

  it("reads only what is named, behind the address prefix", () => {
    const synth = synthesizeScope((scope) => {
      new ExistingInfrastructureLookups(scope, "existing", { existing: { clusterName: "platform" }, addressPrefix: "api" });
    });
    expect(Object.keys((synth.doc as unknown as { data: Record<string, Record<string, unknown>> }).data)).toEqual(["aws_ecs_cluster"]);
    expect((synth.doc as unknown as { data: Record<string, Record<string, unknown>> }).data.aws_ecs_cluster).toHaveProperty("api_existing");
  });
});
