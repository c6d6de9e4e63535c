import type { Construct } from "constructs";
import { constructSource } from "../settings/problems";
import { resolveServiceSettings } from "../settings/resolve-settings";
import type { EnvironmentSettings, TutorialChapter } from "../settings/settings";
import { TUTORIAL } from "../settings/tutorial";
import { EnvironmentStack, type EnvironmentStackOptions } from "./environment-stack";
import type { LoadBalancer } from "./load-balancer";
import type { Network } from "./network";
import { Platform } from "./platform";

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
    const region = settings.region ?? TUTORIAL.region;
    const s = resolveServiceSettings(this.serviceProps, constructSource(this.node.path), region);
    // The platform of the stage that follows on this state, up to this chapter: the same resources, the same values.
    const platform = new Platform(this, s, this.serviceProps, region, false, settings.lastChapter);
    this.network = platform.network!;
    this.addOutputs({ vpc_id: { value: this.network.vpc.id, description: "The VPC" } });
    if (platform.loadBalancer) {
      this.loadBalancer = platform.loadBalancer;
      const alb = this.loadBalancer.alb;
      this.addOutputs({
        alb_dns_name: { value: alb.dnsName, description: "DNS name of the load balancer" },
        url: { value: `http://${alb.dnsName}`, description: "Where the load balancer answers" },
      });
    }
  }
}
