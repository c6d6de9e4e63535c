import type { EnvironmentFile, ServiceSettings } from "../../src/settings/settings";

/** What a test or benchmark changes in {@link twoServices}. */
export interface TwoServicesOptions {
  readonly name: string;
  readonly region: string;
  /** The S3 bucket and key of the state. */
  readonly state: { readonly bucket: string; readonly key: string };
  readonly web?: ServiceSettings;
  readonly api?: ServiceSettings;
  /** Settings of the platform, merged over these. */
  readonly platform?: Partial<EnvironmentFile>;
}

const NGINX_READ_ONLY: ServiceSettings = {
  image: "nginx:1.26",
  readonlyRootFilesystem: true,
  writablePaths: ["/var/cache/nginx", "/var/run"],
};

/**
 * A small platform of two services that differ in who deploys their images: `web` by releases,
 * `api` by terraform apply. Recommended defaults, no NAT gateway and two zones, to apply quickly
 * on the emulator; state in S3, which a release locks.
 */
export function twoServices({ name, region, state, web, api, platform = {} }: TwoServicesOptions): EnvironmentFile {
  const { suppressions = [], ...shared } = platform;
  return {
    defaults: "recommended",
    name,
    region,
    azs: [`${region}a`, `${region}c`],
    publicSubnetCidrs: ["10.0.1.0/24", "10.0.2.0/24"],
    privateSubnetCidrs: ["10.0.10.0/24", "10.0.20.0/24"],
    natGateways: "none",
    loadBalancer: { deletionProtection: false, accessLogs: false },
    services: {
      web: { ...NGINX_READ_ONLY, imageDeployedBy: "release", listenerRule: { pathPatterns: ["/*"], priority: 100 }, ...web },
      api: { ...NGINX_READ_ONLY, listenerRule: { pathPatterns: ["/api/*"], priority: 10 }, ...api },
    },
    suppressions: [
      { rule: "LB-HTTPS", reason: "A test without a domain." },
      { rule: "LB-ACCESS-LOGS", reason: "A test: its requests are its own." },
      { rule: "ECS-PUBLIC-IP", reason: "A test without NAT gateways." },
      ...suppressions,
    ],
    backend: { s3: { bucket: state.bucket, key: state.key, region } },
    ...shared,
  };
}
