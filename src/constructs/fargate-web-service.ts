import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { Aspects, TerraformStack, Token } from "cdktf";
import { Construct } from "constructs";
import { constructSource, SettingsError } from "../settings/problems";
import { resolveServiceSettings } from "../settings/resolve-settings";
import type { ResolvedServiceSettings } from "../settings/resolved-settings";
import type { FargateWebServiceProps } from "../settings/settings";
import { Cluster } from "./cluster";
import { FargateService } from "./fargate-service";
import { LoadBalancer } from "./load-balancer";
import { Network } from "./network";
import { TagResources } from "./tag-resources";

const namesInStack = new WeakMap<TerraformStack, Map<string, string>>();

/**
 * A container service on ECS Fargate behind an internet-facing Application Load Balancer, in a VPC
 * of its own: the tutorial, configurable. With no props it is exactly the tutorial's `handson`
 * (same addresses, same values). Props are validated before any resource exists; a problem throws a
 * {@link SettingsError} listing every problem. The stack must hold an AWS provider.
 */
export class FargateWebService extends Construct {
  /** The props with every default applied. */
  public readonly settings: ResolvedServiceSettings;
  public readonly network: Network;
  public readonly loadBalancer: LoadBalancer;
  public readonly cluster: Cluster;
  public readonly service: FargateService;

  constructor(scope: Construct, id: string, props: FargateWebServiceProps = {}) {
    super(scope, id);
    const source = constructSource(this.node.path);
    const s = resolveServiceSettings(props, source, providerRegion(this));
    this.settings = s;
    claimName(this, s.name);

    this.network = new Network(this, "network", {
      name: s.name,
      vpcCidr: s.vpcCidr,
      azs: s.azs,
      publicSubnetCidrs: s.publicSubnetCidrs,
      privateSubnetCidrs: s.privateSubnetCidrs,
      natGateways: s.natGateways,
      addressPrefix: s.addressPrefix,
    });
    this.loadBalancer = new LoadBalancer(this, "load-balancer", {
      name: s.name,
      vpcId: this.network.vpc.id,
      subnetIds: this.network.publicSubnets.map((subnet) => subnet.id),
      dependsOn: [this.network.internetGateway],
      addressPrefix: s.addressPrefix,
    });
    this.cluster = new Cluster(this, "cluster", { name: s.name, addressPrefix: s.addressPrefix });
    // Without NAT gateways the private subnets have no way out: tasks run in the public ones.
    const withoutNat = s.natGateways === "none";
    this.service = new FargateService(this, "service", {
      name: s.name,
      cluster: this.cluster.cluster.name,
      vpcId: this.network.vpc.id,
      ingress:
        s.serviceIngress === "alb-security-group" ? { securityGroupId: this.loadBalancer.securityGroup.id } : { cidrBlocks: [s.vpcCidr] },
      subnetIds: (withoutNat ? this.network.publicSubnets : this.network.privateSubnets).map((subnet) => subnet.id),
      assignPublicIp: withoutNat,
      listenerArn: this.loadBalancer.listener.arn,
      image: s.image,
      containerName: s.containerName,
      containerPort: s.containerPort,
      cpu: s.cpu,
      memory: s.memory,
      desiredCount: s.desiredCount,
      environment: s.environment,
      healthCheck: s.healthCheck,
      listenerRule: s.listenerRule,
      addressPrefix: s.addressPrefix,
    });
    if (Object.keys(s.tags).length) Aspects.of(this).add(new TagResources(s.tags));
  }
}

/** The region of the stack's AWS provider, when it is known at synth time. */
function providerRegion(scope: Construct): string | undefined {
  const provider = TerraformStack.of(scope).node.children.find((child): child is AwsProvider => child instanceof AwsProvider);
  const region = provider?.region;
  return region && !Token.isUnresolved(region) ? region : undefined;
}

/** Two services of one name in a stack would ask AWS for the same load balancer, cluster, … */
function claimName(service: FargateWebService, name: string): void {
  const stack = TerraformStack.of(service);
  const names = namesInStack.get(stack) ?? new Map<string, string>();
  namesInStack.set(stack, names);
  const other = names.get(name);
  if (other !== undefined) {
    throw new SettingsError([
      `${service.node.path}.name: must differ from the name of ${other} in the same stack (AWS names would collide); received "${name}"`,
    ]);
  }
  names.set(name, service.node.path);
}
