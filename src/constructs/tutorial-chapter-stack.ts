import type { Construct } from "constructs";
import { constructSource } from "../settings/problems";
import { resolveServiceSettings } from "../settings/resolve-settings";
import type { EnvironmentSettings, TutorialChapter } from "../settings/settings";
import { TUTORIAL } from "../settings/tutorial";
import { EnvironmentStack, type EnvironmentStackOptions } from "./environment-stack";
import { LoadBalancer } from "./load-balancer";
import { Network } from "./network";
import { networkProps } from "./platform";

/**
 * The hands-on's first chapters, as a reader applies them one at a time: the VPC chapter alone
 * (`lastChapter: "vpc"`), or with the ALB chapter (`"alb"`), at the tutorial's addresses. Applied in
 * order on one state, each chapter only adds to the last; {@link WebServiceStack} is the ECS chapter
 * and, with `https`, the HTTPS one.
 */
export class TutorialChapterStack extends EnvironmentStack {
  public readonly network: Network;
  /** The load balancer, from the ALB chapter on. */
  public readonly loadBalancer?: LoadBalancer;

  constructor(
    scope: Construct,
    id: string,
    settings: EnvironmentSettings & { lastChapter: Exclude<TutorialChapter, "ecs"> },
    options?: EnvironmentStackOptions,
  ) {
    super(scope, id, settings, options);
    const s = resolveServiceSettings(this.serviceProps, constructSource(this.node.path), settings.region ?? TUTORIAL.region);
    // The same network as the stage that follows on this state builds.
    this.network = new Network(this, "network", networkProps(s));
    this.addOutputs({ vpc_id: { value: this.network.vpc.id, description: "The VPC" } });
    if (settings.lastChapter === "alb") {
      this.loadBalancer = new LoadBalancer(this, "load-balancer", {
        name: s.name,
        vpcId: this.network.vpc.id,
        subnetIds: this.network.publicSubnets.map((subnet) => subnet.id),
        dependsOn: [this.network.internetGateway],
        safeReplacements: s.safeChanges ? { vpc: this.network.vpc } : undefined,
        addressPrefix: s.addressPrefix,
      });
      const alb = this.loadBalancer.alb;
      this.addOutputs({
        alb_dns_name: { value: alb.dnsName, description: "DNS name of the load balancer" },
        url: { value: `http://${alb.dnsName}`, description: "Where the load balancer answers" },
      });
    }
  }
}
