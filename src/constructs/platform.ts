import { DataAwsRegion } from "@cdktf/provider-aws/lib/data-aws-region";
import type { LbListenerDefaultAction } from "@cdktf/provider-aws/lib/lb-listener";
import { Aspects } from "cdktf";
import type { Construct, IConstruct } from "constructs";
import type { ResolvedServiceSettings } from "../settings/resolved-settings";
import type { AttachedService } from "../settings/service-rules/rule";
import type { LogRetentionDays, PlatformSettings, TutorialChapter } from "../settings/settings";
import { ACCESS_LOGS_PREFIX, AccessLogsBucket } from "./access-logs-bucket";
import { Cluster } from "./cluster";
import { ClusterCapacityProviders } from "./cluster-capacity-providers";
import { ExistingInfrastructureLookups } from "./existing-infrastructure";
import type { FargateService } from "./fargate-service";
import { FlowLogs } from "./flow-logs";
import { Https } from "./https";
import { LoadBalancer, unmatchedAction } from "./load-balancer";
import { Network, type NetworkProps } from "./network";
import { Notifications } from "./notifications";
import { ServiceConnect } from "./service-connect";
import { ServiceLogs } from "./service-logs";
import { claimName } from "./stack-claims";
import { TagResources } from "./tag-resources";
import { WebAcl } from "./web-acl";

/** The VPC chapter's props from a service's settings. */
function networkProps(s: ResolvedServiceSettings): NetworkProps {
  return {
    name: s.name,
    vpcCidr: s.vpcCidr,
    azs: s.azs,
    publicSubnetCidrs: s.publicSubnetCidrs,
    privateSubnetCidrs: s.privateSubnetCidrs,
    natGateways: s.natGateways,
    safeReplacements: s.safeChanges,
    closeDefaultSecurityGroup: s.closeDefaultSecurityGroup,
    addressPrefix: s.addressPrefix,
  };
}

/** Something services attach to: a {@link FargatePlatform}, or a FargateWebService with the platform it brings. */
export interface HasPlatform extends IConstruct {
  readonly platform: Platform;
}

/**
 * What the services of an environment share: the network, the load balancer with its listeners,
 * HTTPS and WAF, the cluster, and the log group of ECS Exec sessions. Each part is created, or
 * looked up when `existing` names it. Built by `buildPlatform` in the scope of the construct that
 * owns it, so that a FargateWebService keeps the tutorial's construct paths.
 */
export class Platform {
  public readonly network?: Network;
  /** The data sources of what exists already, when anything does. */
  public readonly existing?: ExistingInfrastructureLookups;
  public readonly flowLogs?: FlowLogs;
  public readonly accessLogs?: AccessLogsBucket;
  public readonly loadBalancer?: LoadBalancer;
  public readonly cluster?: Cluster;
  public readonly webAcl?: WebAcl;
  /** The services attached so far, in order: the first has the platform's name and addresses. */
  public readonly services: AttachedService[] = [];
  /** The stack's region, a reference when the provider's is unknown at synth. */
  public readonly region: string;
  private httpsListener?: Https;
  private spotProviders?: ClusterCapacityProviders;
  private execSessions?: ServiceLogs;
  private notificationTopic?: Notifications;
  private connectedServices?: ServiceConnect;
  /** The services with tasks that joined before the platform had an internal service. */
  private readonly awaitingServiceConnect: FargateService[] = [];

  constructor(
    private readonly scope: Construct,
    /** The platform's settings with every default applied (the service fields are its first service's or the tutorial's). */
    public readonly settings: ResolvedServiceSettings,
    /** The props the platform was given, which each service attached is validated with. */
    public readonly sharedProps: PlatformSettings,
    /** The stack's region when it is known at synth; else it is read from AWS. */
    knownRegion: string | undefined,
    /** Whether the HTTPS listener waits for the first service to forward everything to (the tutorial's HTTPS chapter). */
    private readonly httpsForwardsToFirstService: boolean,
    /** The hands-on's chapter it stops at: the network alone, with the load balancer, or all of it. */
    lastChapter: TutorialChapter = "ecs",
  ) {
    const s = settings;
    claimName(scope, s.name);
    this.region = knownRegion ?? new DataAwsRegion(scope, "region").name;
    // Aspects run at synth, over whatever the scope holds by then: the first service's parts too.
    if (Object.keys(s.tags).length) Aspects.of(scope).add(new TagResources(s.tags));
    const prefix = s.addressPrefix;
    if (s.existing.vpc || s.existing.clusterName || s.existing.listenerArn) {
      this.existing = new ExistingInfrastructureLookups(scope, "existing", { existing: s.existing, addressPrefix: prefix });
    }
    if (!s.existing.vpc) {
      this.network = new Network(scope, "network", networkProps(s));
      if (s.flowLogs) {
        this.flowLogs = new FlowLogs(scope, "flow-logs", {
          name: s.name,
          vpcId: this.network.vpc.id,
          roleName: `${s.name}-${this.region}-flow-logs`,
          retentionDays: s.logs.retentionDays,
          addressPrefix: prefix,
        });
      }
    }
    if (lastChapter === "vpc") return;
    const edge = s.loadBalancer;
    if (!s.existing.listenerArn) {
      if (edge.accessLogs) {
        this.accessLogs = new AccessLogsBucket(scope, "access-logs", {
          name: s.name,
          retentionDays: edge.accessLogsRetentionDays,
          region: knownRegion,
          addressPrefix: prefix,
        });
      }
      this.loadBalancer = new LoadBalancer(scope, "load-balancer", {
        name: s.name,
        vpcId: this.vpcId,
        subnetIds: this.network?.publicSubnets.map((subnet) => subnet.id) ?? [...(s.existing.vpc?.publicSubnetIds ?? [])],
        dependsOn: this.network && [this.network.internetGateway],
        httpDefault: this.httpsOnly ? "redirect-to-https" : edge.unmatchedRequests,
        dropInvalidHeaderFields: edge.dropInvalidHeaderFields,
        deletionProtection: edge.deletionProtection,
        accessLogs: this.accessLogs && { bucket: this.accessLogs.policy.bucket, prefix: ACCESS_LOGS_PREFIX },
        egressCidrBlocks: edge.egress === "vpc" ? this.vpcCidrBlocks : undefined,
        describeRules: s.describeSecurityGroupRules,
        safeReplacements: s.safeChanges && this.network ? { vpc: this.network.vpc } : undefined,
        addressPrefix: prefix,
      });
      // With every plain-HTTP request redirected, services are reached over HTTPS only: their rules
      // go on the HTTPS listener. The tutorial keeps its rule on HTTP, and forwards all of HTTPS to it.
      if (s.https && !httpsForwardsToFirstService) this.addHttps(unmatchedAction(edge.unmatchedRequests));
    }
    if (edge.waf && this.loadBalancer) {
      this.webAcl = new WebAcl(scope, "waf", { name: s.name, loadBalancerArn: this.loadBalancer.alb.arn, addressPrefix: prefix });
    }
    if (lastChapter === "alb") return;
    if (!s.existing.clusterName) {
      this.cluster = new Cluster(scope, "cluster", {
        name: s.name,
        containerInsights: s.containerInsights,
        // Until a service turns ECS Exec on (execSessionLogs), the cluster logs no sessions.
        unmanagedExecLogging: s.safeChanges,
        addressPrefix: prefix,
      });
    }
    // Subscribers given: the topic exists even before (or without) a service with alarms.
    if (s.notifications.emails.length || s.notifications.httpsEndpoints.length) this.notificationsTopic();
  }

  /** The topic of failed deployments and alarms, once a service with alarms has asked for it or anyone subscribes. */
  get notifications(): Notifications | undefined {
    return this.notificationTopic;
  }

  /**
   * The environment's topic of failed deployments and alarms, with its subscribers: created when
   * the first service with alarms asks.
   */
  notificationsTopic(): Notifications {
    this.notificationTopic ??= new Notifications(this.scope, "notifications", {
      name: this.settings.name,
      emails: this.settings.notifications.emails,
      httpsEndpoints: this.settings.notifications.httpsEndpoints,
      addressPrefix: this.settings.addressPrefix,
    });
    return this.notificationTopic;
  }

  /** The log group of the ECS Exec sessions on the platform's cluster, once a service with Exec has asked for it. */
  get execLogs(): ServiceLogs | undefined {
    return this.execSessions;
  }

  /**
   * The log group the cluster logs ECS Exec sessions to, created when the first service with Exec
   * asks (with that service's retention); none on a cluster that exists already, which keeps its
   * own configuration.
   */
  execSessionLogs(retentionDays: LogRetentionDays): ServiceLogs | undefined {
    if (!this.cluster) return undefined;
    if (!this.execSessions) {
      this.execSessions = new ServiceLogs(this.scope, "exec-logs", {
        name: this.settings.name,
        retentionDays,
        execSessions: true,
        addressPrefix: this.settings.addressPrefix,
      });
      this.cluster.logExecSessions(this.execSessions.execLogGroup!.name);
    }
    return this.execSessions;
  }

  /** Service Connect among the platform's services, once an internal service has joined. */
  get serviceConnect(): ServiceConnect | undefined {
    return this.connectedServices;
  }

  /**
   * Puts a service with tasks on the platform's Service Connect. The namespace is created when the
   * first service that publishes (an internal service) joins, and the services that joined before
   * it join with it; until then none joins, so that a platform without internal services is as it was.
   */
  joinServiceConnect(service: FargateService): void {
    if (!this.connectedServices && !service.publish) {
      this.awaitingServiceConnect.push(service);
      return;
    }
    this.connectedServices ??= new ServiceConnect(this.scope, "service-connect", {
      name: this.settings.name,
      addressPrefix: this.settings.addressPrefix,
    });
    for (const waiting of this.awaitingServiceConnect.splice(0)) this.connectedServices.join(waiting);
    this.connectedServices.join(service);
  }

  /** The HTTPS chapter: certificate, DNS records and the HTTPS listener, when `https` is set and it exists. */
  get https(): Https | undefined {
    return this.httpsListener;
  }

  /** Creates the HTTPS listener forwarding to the first service's target group, for the tutorial's HTTPS chapter. */
  forwardHttpsTo(targetGroupArn: string): void {
    if (this.settings.https && this.httpsForwardsToFirstService) this.addHttps({ type: "forward", targetGroupArn });
  }

  private get httpsOnly(): boolean {
    return this.settings.https?.redirectHttp === true;
  }

  get vpcId(): string {
    return this.network?.vpc.id ?? this.existing!.vpc!.id;
  }

  /** The VPC's IPv4 blocks: the setting, or every block of the existing VPC (an expression, known at plan). */
  get vpcCidrBlocks(): string[] {
    return this.network ? [this.settings.vpcCidr] : this.existing!.vpcCidrBlocks!;
  }

  /** Without NAT gateways the private subnets have no way out: tasks run in the public ones, with a public IP. */
  get tasksInPublicSubnets(): boolean {
    return this.network !== undefined && this.settings.natGateways === "none";
  }

  get taskSubnetIds(): string[] {
    if (!this.network) return [...this.settings.existing.vpc!.privateSubnetIds];
    return (this.tasksInPublicSubnets ? this.network.publicSubnets : this.network.privateSubnets).map((subnet) => subnet.id);
  }

  get clusterArn(): string {
    return this.cluster?.cluster.arn ?? this.existing!.cluster!.arn;
  }

  get clusterName(): string {
    return this.cluster?.cluster.name ?? this.existing!.cluster!.clusterName;
  }

  get loadBalancerArn(): string {
    return this.loadBalancer?.alb.arn ?? this.existing!.loadBalancer!.arn;
  }

  get loadBalancerArnSuffix(): string {
    return this.loadBalancer?.alb.arnSuffix ?? this.existing!.loadBalancer!.arnSuffix;
  }

  get loadBalancerSecurityGroupId(): string {
    return this.loadBalancer?.securityGroup.id ?? this.existing!.loadBalancerSecurityGroupId!;
  }

  /**
   * The listeners a service's rule goes on: HTTPS alone when HTTP is redirected, HTTP alone without
   * HTTPS, both otherwise — except for the first service of the tutorial's HTTPS chapter, which
   * HTTPS forwards everything to.
   */
  ruleListenerArns(firstService: boolean): string[] {
    if (!this.loadBalancer) return [this.existing!.listener!.arn];
    if (this.httpsOnly) return [this.httpsListener!.listener.arn];
    const http = this.loadBalancer.listener.arn;
    if (!this.settings.https || (firstService && this.httpsForwardsToFirstService)) return [http];
    return [http, this.httpsListener!.listener.arn];
  }

  /** Fargate and Fargate Spot on the cluster, added in `scope` when the first service on capacity providers asks. */
  capacityProviders(scope: Construct, addressPrefix: string | undefined): ClusterCapacityProviders {
    this.spotProviders ??= new ClusterCapacityProviders(scope, "capacity-providers", { clusterName: this.clusterName, addressPrefix });
    return this.spotProviders;
  }

  private addHttps(defaultAction: LbListenerDefaultAction): void {
    const s = this.settings;
    const https = s.https!;
    this.httpsListener = new Https(this.scope, "https", {
      domain: https.domain,
      aliases: https.aliases,
      hostedZone: https.hostedZone,
      loadBalancer: this.loadBalancer!,
      defaultAction,
      tlsPolicy: https.tlsPolicy,
      redirectRule: !this.httpsOnly,
      adoptValidationRecord: s.safeChanges,
      safeReplacements: s.safeChanges,
      describeRules: s.describeSecurityGroupRules,
      addressPrefix: s.addressPrefix,
    });
  }
}
