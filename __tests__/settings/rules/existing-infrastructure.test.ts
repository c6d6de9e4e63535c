import { existingInfrastructureRule } from "../../../src/settings/rules/existing-infrastructure";
import { describeRule } from "./check-rule";

const vpc = {
  vpcId: "vpc-0abc0000000000000",
  publicSubnetIds: ["subnet-01000000000000000", "subnet-02000000000000000"],
  privateSubnetIds: ["subnet-11000000000000000", "subnet-12000000000000000"],
};
const listenerArn = "arn:aws:elasticloadbalancing:ap-northeast-1:123456789012:listener/app/edge/50dc6c495c0c9188/f2f7dc8efc522ab2";

describeRule(existingInfrastructureRule, {
  passing: [
    {},
    { existing: { vpc } },
    { existing: { vpc: { vpcId: "vpc-0abc0000000000000", privateSubnetIds: ["subnet-11000000000000000"] }, listenerArn } },
    { existing: { clusterName: "platform" } },
    { defaults: "recommended", existing: { vpc, clusterName: "platform", listenerArn } },
    { capacity: { spotPercent: 50 }, existing: { vpc } },
  ],
  failing: [
    [{ existing: { listenerArn } }, "app/web.existing.vpc: is required with existing.listenerArn"],
    [
      { existing: { vpc: { vpcId: "vpc-0abc0000000000000", privateSubnetIds: ["subnet-11000000000000000"] } } },
      "app/web.existing.vpc.publicSubnetIds: is required unless existing.listenerArn is given",
    ],
    [
      { existing: { clusterName: "platform" }, capacity: { spotPercent: 50 } },
      "app/web.capacity.spotPercent: must be 0 on an existing cluster",
    ],
    [
      { existing: { clusterName: "platform" }, capacity: { useCapacityProviders: true } },
      "app/web.capacity.useCapacityProviders: must be false on an existing cluster",
    ],
    [
      { existing: { vpc }, vpcCidr: "10.1.0.0/16" },
      'app/web.vpcCidr: has no effect with existing.vpc: that part exists already; received "10.1.0.0/16"',
    ],
    [{ existing: { vpc }, natGateways: "single" }, "app/web.natGateways: has no effect with existing.vpc"],
    [{ existing: { vpc }, flowLogs: true }, "app/web.flowLogs: has no effect with existing.vpc"],
    [{ existing: { vpc, listenerArn }, https: { domain: "example.com" } }, "app/web.https: has no effect with existing.listenerArn"],
    [{ existing: { vpc, listenerArn }, loadBalancer: { waf: true } }, "app/web.loadBalancer.waf: has no effect with existing.listenerArn"],
  ],
});
