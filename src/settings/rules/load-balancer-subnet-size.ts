import { parseAwsCidr } from "../cidr";
import type { SettingsRule } from "./rule";

/** AWS: each subnet of an Application Load Balancer needs a /27 or larger, with 8 free addresses. */
const NARROWEST_LOAD_BALANCER_PREFIX = 27;

export const loadBalancerSubnetSizeRule: SettingsRule = {
  id: "load-balancer-subnet-size",
  summary: "public subnets, where the load balancer lives, are /27 or larger (AWS needs 8 free addresses per subnet for it)",
  check(s, { usable }) {
    if (!usable("publicSubnetCidrs")) return [];
    return s.publicSubnetCidrs.flatMap((cidr, index) => {
      const block = parseAwsCidr(cidr);
      if ("reason" in block || block.prefix <= NARROWEST_LOAD_BALANCER_PREFIX) return [];
      return [
        {
          path: `publicSubnetCidrs[${index}]`,
          rule: `must be a /${NARROWEST_LOAD_BALANCER_PREFIX} or larger: an Application Load Balancer needs at least 8 free addresses in each of its subnets`,
          value: cidr,
        },
      ];
    });
  },
};
