import { Construct } from "constructs";
import { LocalBackend, TerraformOutput, TerraformStack } from "cdktf";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { pinAddress } from "./address";
import { Cluster } from "./cluster";
import { FargateService } from "./fargate-service";
import { LoadBalancer } from "./load-balancer";
import { Network } from "./network";
import { TUTORIAL } from "./tutorial";

/**
 * The tutorial as one Terraform stack: network, load balancer, cluster and service, the AWS
 * provider, a local state file and the outputs a user needs to reach the service.
 */
export class WebServiceStack extends TerraformStack {
  public readonly network: Network;
  public readonly loadBalancer: LoadBalancer;
  public readonly cluster: Cluster;
  public readonly service: FargateService;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    const t = TUTORIAL;

    new AwsProvider(this, "aws", { region: t.region });
    // cdktf would write this machine's absolute path; relative to cdktf.out/stacks/<id> it
    // names the project folder wherever the project is checked out.
    new LocalBackend(this, { path: `../../../terraform.${id}.tfstate` });

    this.network = new Network(this, "network", {
      name: t.name,
      vpcCidr: t.vpcCidr,
      azs: t.azs,
      publicSubnetCidrs: t.publicSubnetCidrs,
      privateSubnetCidrs: t.privateSubnetCidrs,
    });
    this.loadBalancer = new LoadBalancer(this, "load-balancer", {
      name: t.name,
      vpcId: this.network.vpc.id,
      subnetIds: this.network.publicSubnets.map((subnet) => subnet.id),
    });
    this.cluster = new Cluster(this, "cluster", { name: t.name });
    this.service = new FargateService(this, "service", {
      name: t.name,
      cluster: this.cluster.cluster.name,
      vpcId: this.network.vpc.id,
      ingressCidrs: [t.vpcCidr],
      subnetIds: this.network.privateSubnets.map((subnet) => subnet.id),
      listenerArn: this.loadBalancer.listener.arn,
      image: t.image,
      containerName: t.containerName,
      containerPort: t.containerPort,
      cpu: t.cpu,
      memory: t.memory,
      desiredCount: t.desiredCount,
    });

    const outputs: Record<string, { value: string; description: string }> = {
      alb_dns_name: { value: this.loadBalancer.alb.dnsName, description: "DNS name of the load balancer" },
      url: { value: `http://${this.loadBalancer.alb.dnsName}`, description: "Where the service answers" },
      cluster_name: { value: this.cluster.cluster.name, description: "ECS cluster" },
      service_name: { value: this.service.service.name, description: "ECS service" },
    };
    for (const [name, config] of Object.entries(outputs)) {
      pinAddress(new TerraformOutput(this, name, config), name);
    }
  }
}
