import type { EnvironmentFile, ServiceSettings } from "../../src/settings/settings";

/** nginx as the recommended defaults want it: a read-only root, with the two paths it writes to. */
export const NGINX_READ_ONLY: ServiceSettings = {
  image: "nginx:1.26",
  readonlyRootFilesystem: true,
  writablePaths: ["/var/cache/nginx", "/var/run"],
};

/** Where a small platform is, and where its state goes. */
export interface SmallPlatformOptions {
  readonly name: string;
  readonly region: string;
  /** The S3 bucket and key of the state. */
  readonly state: { readonly bucket: string; readonly key: string };
}

/**
 * The platform the integration tests and the benchmark put their services on: recommended
 * defaults, no NAT gateway and two zones, to apply quickly on the emulator, and what a test has no
 * use for (a domain, access logs, NAT) suppressed with its reason; state in S3, which a release locks.
 */
export function smallPlatform({ name, region, state }: SmallPlatformOptions): EnvironmentFile {
  return {
    defaults: "recommended",
    name,
    region,
    azs: [`${region}a`, `${region}c`],
    publicSubnetCidrs: ["10.0.1.0/24", "10.0.2.0/24"],
    privateSubnetCidrs: ["10.0.10.0/24", "10.0.20.0/24"],
    natGateways: "none",
    loadBalancer: { deletionProtection: false, accessLogs: false },
    suppressions: [
      { rule: "LB-HTTPS", reason: "A test without a domain." },
      { rule: "LB-ACCESS-LOGS", reason: "A test: its requests are its own." },
      { rule: "ECS-PUBLIC-IP", reason: "A test without NAT gateways." },
    ],
    backend: { s3: { bucket: state.bucket, key: state.key, region } },
  };
}
