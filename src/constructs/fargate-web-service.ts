import { Construct } from "constructs";
import { platformSettingsOf } from "../settings/environment-services";
import { constructSource, throwIfAny } from "../settings/problems";
import { resolveServiceSettings } from "../settings/resolve-settings";
import type { ResolvedServiceSettings } from "../settings/resolved-settings";
import { checkServices } from "../settings/service-rules";
import type { FargateWebServiceProps } from "../settings/settings";
import type { AccessLogsBucket } from "./access-logs-bucket";
import type { Cluster } from "./cluster";
import type { ClusterCapacityProviders } from "./cluster-capacity-providers";
import type { FargateService } from "./fargate-service";
import type { FlowLogs } from "./flow-logs";
import type { Https } from "./https";
import type { LoadBalancer } from "./load-balancer";
import type { Network } from "./network";
import { type HasPlatform, Platform } from "./platform";
import type { ReleasedImage } from "./released-image";
import type { ServiceAlarms } from "./service-alarms";
import type { ServiceAutoscaling } from "./service-autoscaling";
import type { ServiceLogs } from "./service-logs";
import { buildService } from "./service-parts";
import { providerRegion } from "./stack-claims";
import type { TaskRoles } from "./task-roles";
import type { WebAcl } from "./web-acl";

/**
 * A container service on ECS Fargate behind an internet-facing Application Load Balancer, in a VPC
 * of its own: the tutorial, configurable. With no props it is exactly the tutorial's `handson`
 * (same addresses, same values); `defaults: "recommended"` turns on what a production service
 * needs. Props are validated before any resource exists; a problem throws a {@link SettingsError}
 * listing every problem. The stack must hold an AWS provider. Other services can join it on its
 * platform (network, load balancer, cluster) with {@link PlatformService}.
 */
export class FargateWebService extends Construct implements HasPlatform {
  /** The props with every default applied. */
  public readonly settings: ResolvedServiceSettings;
  /** What other services attach to: the network, load balancer and cluster, created or looked up. */
  public readonly platform: Platform;
  /** The VPC and its subnets, unless `existing.vpc` names one. */
  public readonly network?: Network;
  /** The load balancer, unless `existing.listenerArn` names a listener of another. */
  public readonly loadBalancer?: LoadBalancer;
  /** The cluster, unless `existing.clusterName` names one. */
  public readonly cluster?: Cluster;
  public readonly service: FargateService;
  /** The log group of the containers' output, when logs are on. */
  public readonly logs?: ServiceLogs;
  /** The task execution role and the task role, when the service has either. */
  public readonly roles?: TaskRoles;
  /** The scaling target and its policies, with autoscaling. */
  public readonly autoscaling?: ServiceAutoscaling;
  /** The parameter holding the image releases deployed, when releases deploy the image. */
  public readonly releasedImage?: ReleasedImage;
  /** The alarms on what users feel, when they are on. */
  public readonly alarms?: ServiceAlarms;
  /** Fargate and Fargate Spot on the cluster, when the service runs on capacity providers. */
  public readonly capacityProviders?: ClusterCapacityProviders;
  /** The bucket of the load balancer's access logs, when they are on. */
  public readonly accessLogs?: AccessLogsBucket;
  /** The AWS WAF web ACL in front of the load balancer, when it is on. */
  public readonly webAcl?: WebAcl;
  /** The VPC's flow logs, when they are on. */
  public readonly flowLogs?: FlowLogs;

  constructor(scope: Construct, id: string, props: FargateWebServiceProps = {}) {
    super(scope, id);
    const knownRegion = providerRegion(this);
    const s = resolveServiceSettings(props, constructSource(this.node.path), knownRegion);
    this.settings = s;
    this.platform = new Platform(this, s, platformSettingsOf(props), knownRegion, s.https?.redirectHttp !== true);
    this.platform.services.push({ label: this.node.path, settings: s });
    ({
      network: this.network,
      loadBalancer: this.loadBalancer,
      cluster: this.cluster,
      accessLogs: this.accessLogs,
      webAcl: this.webAcl,
      flowLogs: this.flowLogs,
    } = this.platform);
    // Its listeners forward to the first service: the rules across services refuse any kind but web there.
    throwIfAny(constructSource(this.node.path), checkServices(this.platform.services));
    const parts = buildService(this, this.platform, s, true);
    ({
      logs: this.logs,
      roles: this.roles,
      capacityProviders: this.capacityProviders,
      autoscaling: this.autoscaling,
      releasedImage: this.releasedImage,
      alarms: this.alarms,
    } = parts);
    this.service = parts.service!;
  }

  /** The log group of ECS Exec sessions, when a service of the platform has Exec on a cluster the platform created. */
  get execLogs(): ServiceLogs | undefined {
    return this.platform.execLogs;
  }

  /** The HTTPS chapter: certificate, DNS records, the HTTPS listener, when `https` is set. */
  get https(): Https | undefined {
    return this.platform.https;
  }
}
