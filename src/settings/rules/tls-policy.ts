import { RECOMMENDED_TLS_POLICY, TLS_POLICY_OLDEST_VERSION } from "../../aws/tls-policies";
import type { SettingsRule } from "./rule";

export const tlsPolicyRule: SettingsRule = {
  id: "tls-policy",
  summary: `\`https.tlsPolicy\` is one of the ${Object.keys(TLS_POLICY_OLDEST_VERSION).length} TLS policies AWS publishes for Application Load Balancers, such as ${RECOMMENDED_TLS_POLICY} (ALBs take no custom policy: any other name fails the listener with SSLPolicyNotFound)`,
  check(s, { usable }) {
    const policy = s.https?.tlsPolicy;
    if (policy === undefined || !usable("https.tlsPolicy") || policy in TLS_POLICY_OLDEST_VERSION) return [];
    const suggestion = Object.keys(TLS_POLICY_OLDEST_VERSION).find((name) => name.toLowerCase() === policy.toLowerCase());
    return [
      {
        path: "https.tlsPolicy",
        rule: suggestion
          ? `must be spelled as AWS names it: ${suggestion}`
          : `must be a TLS policy AWS publishes for Application Load Balancers, such as ${RECOMMENDED_TLS_POLICY} (TLS 1.3 and 1.2, post-quantum key exchange) or ELBSecurityPolicy-TLS13-1-2-2021-06; any other name fails the listener with SSLPolicyNotFound`,
        value: policy,
      },
    ];
  },
};
