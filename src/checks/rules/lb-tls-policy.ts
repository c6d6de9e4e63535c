import type { PolicyRule } from "../policy-rule";
import { applicationLoadBalancers, listenersOf } from "../stack-queries";

/** Policies that accept TLS 1.2 and up only: TLS13-1-2…, TLS13-1-3…, and the forward-secret FS-1-2… (TLS13-1-0/1-1 let old clients in). */
const CURRENT = /^ELBSecurityPolicy-(TLS13-1-[23]-|FS-1-2-)/;

export const lbTlsPolicyRule: PolicyRule = {
  id: "LB-TLS-POLICY",
  severity: "error",
  risk: "An old TLS policy lets clients negotiate TLS 1.0/1.1 or ciphers without forward secrecy.",
  fix: 'Leave "https.tlsPolicy" to its default, ELBSecurityPolicy-TLS13-1-2-2021-06, or pick another TLS13-1-2 or TLS13-1-3 policy.',
  equivalents: { checkov: ["CKV_AWS_103"], trivy: ["AVD-AWS-0047 aws-elb-use-secure-tls-policy"] },
  check(stack) {
    return applicationLoadBalancers(stack)
      .flatMap((lb) => listenersOf(stack, lb))
      .filter((listener) => listener.config.protocol === "HTTPS" && !CURRENT.test(String(listener.config.ssl_policy)))
      .map((listener) => ({
        address: listener.address,
        problem: `uses the TLS policy ${listener.config.ssl_policy ?? "ELBSecurityPolicy-2016-08 (AWS's default, not written)"}`,
      }));
  },
};
