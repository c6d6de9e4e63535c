import { AWS_RESERVED_ADDRESSES, type Ipv4Block, parseAwsCidr, size } from "../cidr";
import type { SettingsRule } from "./rule";

/** ECS's default maximum percent: during a deployment, old and new tasks run side by side. */
const DEPLOYMENT_PEAK = 2;
/** Addresses an Application Load Balancer keeps free in each of its subnets. */
const LOAD_BALANCER_ADDRESSES = 8;

export const taskAddressesRule: SettingsRule = {
  id: "task-addresses",
  summary: "the subnets the tasks run in have an address for every task during a deployment (twice `desiredCount`; each task takes one)",
  check(s, { usable }) {
    const inPublic = s.natGateways === "none";
    const list = inPublic ? "publicSubnetCidrs" : "privateSubnetCidrs";
    if (!usable("desiredCount", "natGateways", list)) return [];
    const parsed = s[list].map(parseAwsCidr);
    const blocks = parsed.filter((block): block is Ipv4Block => !("reason" in block));
    if (blocks.length !== parsed.length) return [];
    const reserved = AWS_RESERVED_ADDRESSES + (inPublic ? LOAD_BALANCER_ADDRESSES : 0);
    const free = blocks.reduce((total, block) => total + Math.max(0, size(block) - reserved), 0);
    const needed = s.desiredCount * DEPLOYMENT_PEAK;
    if (needed <= free) return [];
    const where = inPublic ? "the public subnets (natGateways none runs the tasks there)" : "the private subnets";
    return [
      {
        path: "desiredCount",
        rule: `must fit ${where}: a deployment runs up to ${needed} tasks, one address each, and they have ${free} free`,
        value: s.desiredCount,
      },
    ];
  },
};
