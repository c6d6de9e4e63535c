import { parseAwsCidr } from "../cidr";
import type { SettingsRule } from "./rule";

export const vpcCidrRule: SettingsRule = {
  id: "vpc-cidr",
  summary: "`vpcCidr` is a network address (no bits past the prefix) from /16 to /28",
  check(s, { usable }) {
    if (!usable("vpcCidr")) return [];
    const parsed = parseAwsCidr(s.vpcCidr);
    return "reason" in parsed ? [{ path: "vpcCidr", rule: parsed.reason, value: s.vpcCidr }] : [];
  },
};
