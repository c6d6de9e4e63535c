import type { Problem } from "../problems";
import type { ResolvedServiceSettings } from "../resolved-settings";
import { TUTORIAL } from "../tutorial";
import type { SettingsRule } from "./rule";

/** Settings that shape what `existing` replaces: given with it, they would be silently ignored. */
const IGNORED: readonly {
  readonly path: string;
  readonly existing: "vpc" | "listenerArn" | "clusterName";
  readonly given: (s: ResolvedServiceSettings) => unknown;
}[] = [
  { path: "vpcCidr", existing: "vpc", given: (s) => s.vpcCidr !== TUTORIAL.vpcCidr && s.vpcCidr },
  { path: "azs", existing: "vpc", given: (s) => JSON.stringify(s.azs) !== JSON.stringify(TUTORIAL.azs) && s.azs },
  {
    path: "publicSubnetCidrs",
    existing: "vpc",
    given: (s) => JSON.stringify(s.publicSubnetCidrs) !== JSON.stringify(TUTORIAL.publicSubnetCidrs) && s.publicSubnetCidrs,
  },
  {
    path: "privateSubnetCidrs",
    existing: "vpc",
    given: (s) => JSON.stringify(s.privateSubnetCidrs) !== JSON.stringify(TUTORIAL.privateSubnetCidrs) && s.privateSubnetCidrs,
  },
  { path: "natGateways", existing: "vpc", given: (s) => s.natGateways !== TUTORIAL.natGateways && s.natGateways },
  { path: "flowLogs", existing: "vpc", given: (s) => s.flowLogs },
  { path: "https", existing: "listenerArn", given: (s) => s.https },
  { path: "loadBalancer.waf", existing: "listenerArn", given: (s) => s.loadBalancer.waf },
  { path: "loadBalancer.accessLogs", existing: "listenerArn", given: (s) => s.defaults === "tutorial" && s.loadBalancer.accessLogs },
  { path: "containerInsights", existing: "clusterName", given: (s) => s.defaults === "tutorial" && s.containerInsights },
];

export const existingInfrastructureRule: SettingsRule = {
  id: "existing-infrastructure",
  summary:
    "`existing` is whole: a listener with the VPC of its load balancer, a VPC with public subnets unless its listener is given, no Spot or capacity providers on a cluster the stack does not own (its capacity providers are not the stack's to set), and none of the settings of a part that exists already (VPC CIDR, subnets, NAT, flow logs; HTTPS, WAF)",
  check(s, { usable }) {
    const { vpc, listenerArn, clusterName } = s.existing;
    if (!usable("existing")) return [];
    const problems: Problem[] = [];
    if (listenerArn && !vpc) {
      problems.push({
        path: "existing.vpc",
        rule: "is required with existing.listenerArn: the target groups go in the VPC of the listener's load balancer",
        value: undefined,
      });
    }
    if (vpc && !listenerArn && !vpc.publicSubnetIds?.length) {
      problems.push({
        path: "existing.vpc.publicSubnetIds",
        rule: "is required unless existing.listenerArn is given: the new load balancer is placed in them",
        value: undefined,
      });
    }
    if (clusterName && s.capacity.spotPercent > 0 && usable("capacity.spotPercent")) {
      problems.push({
        path: "capacity.spotPercent",
        rule: "must be 0 on an existing cluster: Fargate Spot needs the cluster's capacity providers set, which only the cluster's own stack may do",
        value: s.capacity.spotPercent,
      });
    }
    if (clusterName && s.capacity.useCapacityProviders && usable("capacity.useCapacityProviders")) {
      problems.push({
        path: "capacity.useCapacityProviders",
        rule: "must be false on an existing cluster: its capacity providers are set by the cluster's own stack, which may not offer FARGATE",
        value: true,
      });
    }
    for (const { path, existing, given } of IGNORED) {
      const value = given(s);
      if (s.existing[existing] && value && usable(path)) {
        problems.push({ path, rule: `has no effect with existing.${existing}: that part exists already`, value });
      }
    }
    return problems;
  },
};
