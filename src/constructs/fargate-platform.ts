import { Construct } from "constructs";
import { constructSource } from "../settings/problems";
import { resolveServiceSettings } from "../settings/resolve-settings";
import type { PlatformSettings } from "../settings/settings";
import { type HasPlatform, Platform } from "./platform";
import { providerRegion } from "./stack-claims";

/** Properties of {@link FargatePlatform}: the settings services share. */
export type FargatePlatformProps = PlatformSettings;

/**
 * What several services share, without a service of its own: a VPC (or an existing one), an
 * internet-facing load balancer with its HTTP and HTTPS listeners (or an existing listener), and an
 * ECS cluster (or an existing one). Services join it with {@link PlatformService}; the first has
 * the platform's name and addresses. Unmatched requests get the load balancer's fixed answer.
 */
export class FargatePlatform extends Construct implements HasPlatform {
  public readonly platform: Platform;

  constructor(scope: Construct, id: string, props: FargatePlatformProps = {}) {
    super(scope, id);
    const knownRegion = providerRegion(this);
    const s = resolveServiceSettings(props, constructSource(this.node.path), knownRegion);
    this.platform = new Platform(this, s, props, knownRegion, false);
  }
}
