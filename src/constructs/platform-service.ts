import { Aspects } from "cdktf";
import { Construct } from "constructs";
import { joinedAddressPrefix, joinedServiceName } from "../settings/environment-services";
import { constructSource, throwIfAny } from "../settings/problems";
import { resolveServiceSettings } from "../settings/resolve-settings";
import type { ResolvedServiceSettings } from "../settings/resolved-settings";
import { checkServices } from "../settings/service-rules";
import type { ServiceSettings } from "../settings/settings";
import type { HasPlatform } from "./platform";
import { buildService, type ServiceParts } from "./service-parts";
import { claimName, providerRegion } from "./stack-claims";
import { TagResources } from "./tag-resources";

/** Properties of {@link PlatformService}: the service's own settings, and the platform it joins. */
export interface PlatformServiceProps extends ServiceSettings {
  /** The {@link FargatePlatform}, or the FargateWebService, whose network, load balancer and cluster the service uses. */
  readonly platform: HasPlatform;
  /**
   * Prefix of the service's AWS names (target group, service, task family, security group, log group, roles).
   * @default - the platform's name for its first service, `<platform name>-<id>` for the others
   */
  readonly name?: string;
  /**
   * Prefix of the service's Terraform addresses.
   * @default - the platform's for its first service, `<id>` (after the platform's) for the others
   */
  readonly addressPrefix?: string;
}

/**
 * One more service on a platform: its own task definition, target group, listener rule (paths
 * and/or host names, its own priority), security group admitting the platform's load balancer,
 * scaling, secrets and deployment. Its settings are validated with the platform's, and against
 * the services already there: a priority, paths on the same hosts or a name taken twice, or the
 * load balancer's limits exceeded, throw a {@link SettingsError} naming the services.
 */
export class PlatformService extends Construct {
  /** The service's settings, the platform's merged in, with every default applied. */
  public readonly settings: ResolvedServiceSettings;
  public readonly parts: ServiceParts;

  constructor(scope: Construct, id: string, props: PlatformServiceProps) {
    super(scope, id);
    const { platform: owner, name, addressPrefix, ...own } = props;
    const { platform } = owner;
    const first = platform.services.length === 0;
    const shared = platform.settings;
    const s = resolveServiceSettings(
      {
        ...platform.sharedProps,
        ...own,
        name: name ?? (first ? shared.name : joinedServiceName(shared.name, id)),
        addressPrefix: addressPrefix ?? (first ? shared.addressPrefix : joinedAddressPrefix(shared.addressPrefix, id)),
      },
      constructSource(this.node.path),
      providerRegion(this),
    );
    const attached = [...platform.services, { label: this.node.path, settings: s }];
    throwIfAny(
      constructSource(this.node.path),
      checkServices(attached).filter((problem) => problem.service === attached.length - 1),
    );
    if (!first || s.name !== shared.name) claimName(this, s.name);
    platform.services.push(attached[attached.length - 1]);
    this.settings = s;
    this.parts = buildService(this, platform, s, first);
    if (Object.keys(shared.tags).length) Aspects.of(this).add(new TagResources(shared.tags));
  }
}
