import type { Construct } from "constructs";
import { environmentServices } from "../settings/environment-services";
import type { EnvironmentSettings } from "../settings/settings";
import { TUTORIAL } from "../settings/tutorial";
import { EnvironmentStack, type EnvironmentStackOptions } from "./environment-stack";
import { FargateWebService } from "./fargate-web-service";
import { GithubDeployRoles, type ReleasableService } from "./github-deploy-roles";
import { PlatformService } from "./platform-service";
import type { ServiceParts } from "./service-parts";

/**
 * One environment as a Terraform stack: the AWS provider in its region, its state backend, one
 * {@link FargateWebService} — with the other services of the file's `services` on its platform —
 * and the outputs a user needs to reach them. With no settings it is the tutorial's `handson` stack.
 */
export class WebServiceStack extends EnvironmentStack {
  /** The environment's (first) service, with the platform the others join. */
  public readonly service: FargateWebService;
  /** The services after the first, by id, when the file has `services`. */
  public readonly otherServices: ReadonlyMap<string, PlatformService>;
  /** Each service's ECS name by its id in the file (`web` → `shop`, `api` → `shop-api`), for commands that name a service. */
  public readonly serviceNamesById: ReadonlyMap<string, string>;
  /** The roles a GitHub Actions pipeline deploys with, when `githubDeployRoles` asks for them. */
  public readonly githubDeployRoles?: GithubDeployRoles;

  constructor(scope: Construct, id: string, settings: EnvironmentSettings = {}, options?: EnvironmentStackOptions) {
    super(scope, id, settings, options);
    const { services, ...props } = this.serviceProps;
    const [first, ...others] = environmentServices(this.serviceProps, props.name ?? TUTORIAL.name);
    this.service = new FargateWebService(this, "service", first.props);
    // Their own names and addresses come from the platform, as the file's validation assumed.
    this.otherServices = new Map(
      others.map(({ id: serviceId, props: merged }) => [
        serviceId,
        new PlatformService(this, serviceId, { ...services![serviceId], serviceConnect: merged.serviceConnect, platform: this.service }),
      ]),
    );

    this.serviceNamesById = new Map([
      [first.id, this.service.settings.name],
      ...[...this.otherServices].map(([serviceId, service]) => [serviceId, service.settings.name] as const),
    ]);
    const { platform } = this.service;
    const github = this.service.settings.githubDeployRoles;
    if (github) {
      const releasable = [this.service, ...[...this.otherServices.values()].map((other) => other.parts)].flatMap((parts) =>
        releasableService(parts, platform.clusterArn, platform.clusterName),
      );
      const backend = settings.backend?.s3;
      this.githubDeployRoles = new GithubDeployRoles(this, "github-deploy-roles", {
        name: this.service.settings.name,
        region: settings.region ?? TUTORIAL.region,
        ...github,
        releasable,
        stateLockObjectArn: backend && `arn:aws:s3:::${backend.bucket}/${backend.key}.tflock`,
        addressPrefix: this.service.settings.addressPrefix,
      });
    }
    const dnsName = platform.loadBalancer?.alb.dnsName ?? platform.existing!.loadBalancer!.dnsName;
    const domain = this.service.settings.https?.domain;
    const url = domain ? `https://${domain}` : `http://${dnsName}`;
    this.addOutputs({
      alb_dns_name: { value: dnsName, description: "DNS name of the load balancer" },
      url: { value: url, description: "Where the service answers" },
      cluster_name: { value: platform.clusterName, description: "ECS cluster" },
      service_name: { value: this.service.service.service.name, description: "ECS service" },
    });
    for (const [serviceId, service] of this.otherServices) {
      const prefix = service.settings.addressPrefix!;
      const { service: ecs, job } = service.parts;
      this.addOutputs(
        ecs
          ? { [`${prefix}_service_name`]: { value: ecs.service.name, description: `ECS service of ${serviceId}` } }
          : { [`${prefix}_state_machine_name`]: { value: job!.stateMachine.name, description: `State machine running ${serviceId}` } },
      );
    }
  }
}

/** A service whose images releases deploy, as the release role names it; none for a service whose images Terraform deploys. */
function releasableService(
  parts: Pick<ServiceParts, "service" | "roles" | "releasedImage" | "alarms">,
  clusterArn: string,
  clusterName: string,
): ReleasableService[] {
  if (!parts.releasedImage || !parts.service) return [];
  const { service, taskDefinition } = parts.service;
  return [
    {
      serviceArn: service.id,
      clusterArn,
      clusterName,
      taskFamilyArn: taskDefinition.arnWithoutRevision,
      roleArns: [parts.roles?.executionRole?.arn, parts.roles?.taskRole?.arn].filter((arn): arn is string => arn !== undefined),
      imageParameterArn: parts.releasedImage.parameter.arn,
      image: parts.releasedImage.firstImage,
      alarmArns: parts.alarms ? [parts.alarms.targetErrors.arn, parts.alarms.unhealthyTargets.arn, parts.alarms.responseTime.arn] : [],
    },
  ];
}
