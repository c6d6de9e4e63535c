import type { EnvironmentFile, ServiceSettings } from "../../src/settings/settings";
import { NGINX_READ_ONLY, type SmallPlatformOptions, smallPlatform } from "./small-platform";

/** What a test or benchmark changes in {@link twoServices}. */
export interface TwoServicesOptions extends SmallPlatformOptions {
  readonly web?: ServiceSettings;
  readonly api?: ServiceSettings;
  /** Settings of the platform, merged over these. */
  readonly platform?: Partial<EnvironmentFile>;
}

/**
 * A small platform of two services that differ in who deploys their images: `web` by releases,
 * `api` by terraform apply, on the {@link smallPlatform}.
 */
export function twoServices({ name, region, state, web, api, platform = {} }: TwoServicesOptions): EnvironmentFile {
  const { suppressions = [], ...shared } = platform;
  const base = smallPlatform({ name, region, state });
  return {
    ...base,
    services: {
      web: { ...NGINX_READ_ONLY, imageDeployedBy: "release", listenerRule: { pathPatterns: ["/*"], priority: 100 }, ...web },
      api: { ...NGINX_READ_ONLY, listenerRule: { pathPatterns: ["/api/*"], priority: 10 }, ...api },
    },
    suppressions: [...(base.suppressions ?? []), ...suppressions],
    ...shared,
  };
}
