import type { SettingsRule } from "./rule";

export const subnetsPerZoneRule: SettingsRule = {
  id: "subnets-per-zone",
  summary: "`publicSubnetCidrs` and `privateSubnetCidrs` list one subnet per zone of `azs`",
  check(s, { usable }) {
    if (!usable("azs")) return [];
    return (["publicSubnetCidrs", "privateSubnetCidrs"] as const)
      .filter((list) => usable(list) && s[list].length !== s.azs.length)
      .map((list) => ({ path: list, rule: `must list one CIDR per zone in azs (${s.azs.length})`, value: s[list] }));
  },
};
