import { ELB_DEFAULT_TLS_POLICY, RECOMMENDED_TLS_POLICY, TLS_POLICY_OLDEST_VERSION } from "../../aws/tls-policies";
import type { PolicyRule } from "../policy-rule";
import { applicationLoadBalancers, listenersOf } from "../stack-queries";

/** Whether a policy lets clients negotiate TLS 1.2 at the oldest (TLS13-1-2…, TLS13-1-3…, FS-1-2…, TLS-1-2…). */
const current = (policy: string) => ["1.2", "1.3"].includes(TLS_POLICY_OLDEST_VERSION[policy]);

export const lbTlsPolicyRule: PolicyRule = {
  id: "LB-TLS-POLICY",
  severity: "error",
  risk: "An old TLS policy lets clients negotiate TLS 1.0/1.1 or ciphers without forward secrecy; a name AWS does not publish fails the listener.",
  fix: `Leave "https.tlsPolicy" to its recommended default, ${RECOMMENDED_TLS_POLICY}, or pick another policy of TLS 1.2 and up.`,
  equivalents: { checkov: ["CKV_AWS_103"], trivy: ["AVD-AWS-0047 aws-elb-use-secure-tls-policy"] },
  check(stack) {
    return applicationLoadBalancers(stack)
      .flatMap((lb) => listenersOf(stack, lb))
      .filter((listener) => listener.config.protocol === "HTTPS" && !current(String(listener.config.ssl_policy ?? ELB_DEFAULT_TLS_POLICY)))
      .map((listener) => {
        const policy = listener.config.ssl_policy;
        const problem =
          policy === undefined
            ? `uses the TLS policy ${ELB_DEFAULT_TLS_POLICY} (AWS's default, not written)`
            : String(policy) in TLS_POLICY_OLDEST_VERSION
              ? `uses the TLS policy ${policy}`
              : `names ${policy}, which is not a TLS policy AWS publishes for Application Load Balancers`;
        return { address: listener.address, problem };
      });
  },
};
