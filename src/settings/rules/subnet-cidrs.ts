import { cidrText, contains, type Ipv4Block, overlaps, parseAwsCidr } from "../cidr";
import type { Problem } from "../problems";
import type { SettingsRule } from "./rule";

export const subnetCidrsRule: SettingsRule = {
  id: "subnet-cidrs",
  summary: "every subnet is a network address from /16 to /28, inside the VPC, overlapping no other subnet",
  check(s, { usable }) {
    const problems: Problem[] = [];
    const vpc = usable("vpcCidr") ? parseAwsCidr(s.vpcCidr) : undefined;
    const subnets: { path: string; block: Ipv4Block }[] = [];
    for (const list of ["publicSubnetCidrs", "privateSubnetCidrs"] as const) {
      if (!usable(list)) continue;
      for (const [index, cidr] of s[list].entries()) {
        const path = `${list}[${index}]`;
        const block = parseAwsCidr(cidr);
        if ("reason" in block) {
          problems.push({ path, rule: block.reason, value: cidr });
          continue;
        }
        const clash = subnets.find((other) => overlaps(other.block, block));
        if (vpc && !("reason" in vpc) && !contains(vpc, block)) {
          problems.push({ path, rule: `must lie inside the VPC ${s.vpcCidr}`, value: cidr });
        } else if (clash) {
          problems.push({ path, rule: `must not overlap ${clash.path} (${cidrText(clash.block)})`, value: cidr });
        } else {
          subnets.push({ path, block });
        }
      }
    }
    return problems;
  },
};
