import type { FargateCpu, HealthCheckSettings, NatGatewayMode, ServiceIngress } from "./settings";

/** A service's settings with every default applied: what the constructs build from and the rules judge. */
export interface ResolvedServiceSettings {
  readonly name: string;
  readonly addressPrefix?: string;
  readonly vpcCidr: string;
  readonly azs: readonly string[];
  readonly publicSubnetCidrs: readonly string[];
  readonly privateSubnetCidrs: readonly string[];
  readonly natGateways: NatGatewayMode;
  readonly image: string;
  readonly containerName: string;
  readonly containerPort: number;
  readonly cpu: FargateCpu;
  readonly memory: number;
  readonly desiredCount: number;
  readonly environment: Readonly<Record<string, string>>;
  /** Fields left unset keep AWS's defaults and are not written, as in the tutorial. */
  readonly healthCheck: HealthCheckSettings & { readonly path: string; readonly port: number };
  readonly listenerRule: { readonly pathPatterns: readonly string[]; readonly priority?: number };
  readonly serviceIngress: ServiceIngress;
  readonly tags: Readonly<Record<string, string>>;
}
