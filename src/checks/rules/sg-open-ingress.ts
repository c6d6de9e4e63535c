import type { PolicyRule } from "../policy-rule";
import { internetFacingLoadBalancers, isOpenToAll, portsOf, securityGroupRules, securityGroupsIn } from "../stack-queries";

/** What a public load balancer is for: HTTP and HTTPS from anyone. */
const isWebPort = (protocol: string, from: number | undefined, to: number | undefined) =>
  (protocol === "tcp" || protocol === "6") && from === to && (from === 80 || from === 443);

export const sgOpenIngressRule: PolicyRule = {
  id: "SG-OPEN-INGRESS",
  severity: "error",
  risk: "A port open to the whole internet is found by scanners within minutes; only a public load balancer's 80 and 443 are meant to be.",
  fix: "Admit the port from the load balancer's security group or a known CIDR, not 0.0.0.0/0 or ::/0.",
  equivalents: {
    checkov: ["CKV_AWS_24", "CKV_AWS_25", "CKV_AWS_277"],
    trivy: ["AVD-AWS-0107 aws-ec2-no-public-ingress-sgr"],
    cdkNag: ["AwsSolutions-EC23"],
  },
  check(stack) {
    const publicGroups = new Set(internetFacingLoadBalancers(stack).flatMap((lb) => securityGroupsIn(lb.config.security_groups)));
    return securityGroupRules(stack)
      .filter((rule) => rule.direction === "ingress" && isOpenToAll(rule))
      .filter((rule) => !(publicGroups.has(rule.group) && isWebPort(rule.protocol, rule.fromPort, rule.toPort)))
      .map((rule) => ({ address: rule.address, problem: `admits ${portsOf(rule)} from ${rule.cidrs.join(", ")}` }));
  },
};
