import type { Construct } from "constructs";
import type { EnvironmentSettings } from "../settings/settings";
import { EnvironmentStack, type EnvironmentStackOptions } from "./environment-stack";
import { FargateWebService } from "./fargate-web-service";

/**
 * One environment as a Terraform stack: the AWS provider in its region, its state backend, one
 * {@link FargateWebService}, and the outputs a user needs to reach it. With no settings it is the
 * tutorial's `handson` stack.
 */
export class WebServiceStack extends EnvironmentStack {
  public readonly service: FargateWebService;

  constructor(scope: Construct, id: string, settings: EnvironmentSettings = {}, options?: EnvironmentStackOptions) {
    super(scope, id, settings, options);
    this.service = new FargateWebService(this, "service", this.serviceProps);

    const alb = this.service.loadBalancer.alb;
    const domain = this.service.settings.https?.domain;
    this.addOutputs({
      alb_dns_name: { value: alb.dnsName, description: "DNS name of the load balancer" },
      url: { value: domain ? `https://${domain}` : `http://${alb.dnsName}`, description: "Where the service answers" },
      cluster_name: { value: this.service.cluster.cluster.name, description: "ECS cluster" },
      service_name: { value: this.service.service.service.name, description: "ECS service" },
    });
  }
}
