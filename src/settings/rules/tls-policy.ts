import type { SettingsRule } from "./rule";

/** The TLS policies an Application Load Balancer offers (`aws elbv2 describe-ssl-policies`). */
export const TLS_POLICIES: readonly string[] = [
  ...["1-0", "1-1", "1-2", "1-2-Res", "1-2-Ext1", "1-2-Ext2", "1-3"].map((v) => `ELBSecurityPolicy-TLS13-${v}-2021-06`),
  ...["1-0", "1-1", "1-2", "1-2-Res", "1-2-Ext0", "1-2-Ext1", "1-2-Ext2", "1-3"].map((v) => `ELBSecurityPolicy-TLS13-${v}-FIPS-2023-04`),
  ...["1-0", "1-2", "1-2-Res", "1-2-Ext1", "1-2-Ext2", "1-3"].map((v) => `ELBSecurityPolicy-TLS13-${v}-PQ-2025-09`),
  ...["1-0", "1-1", "1-2", "1-2-Res", "1-2-Ext0", "1-2-Ext1", "1-2-Ext2", "1-3"].map((v) => `ELBSecurityPolicy-TLS13-${v}-FIPS-PQ-2025-09`),
  "ELBSecurityPolicy-FS-1-2-Res-2020-10",
  "ELBSecurityPolicy-FS-1-2-Res-2019-08",
  "ELBSecurityPolicy-FS-1-2-2019-08",
  "ELBSecurityPolicy-FS-1-1-2019-08",
  "ELBSecurityPolicy-FS-2018-06",
  "ELBSecurityPolicy-TLS-1-2-Ext-2018-06",
  "ELBSecurityPolicy-TLS-1-2-2017-01",
  "ELBSecurityPolicy-TLS-1-1-2017-01",
  "ELBSecurityPolicy-2016-08",
];

export const tlsPolicyRule: SettingsRule = {
  id: "tls-policy",
  summary: "`https.tlsPolicy` is the name of a TLS policy Application Load Balancers offer, such as ELBSecurityPolicy-TLS13-1-2-2021-06",
  check(s, { usable }) {
    const policy = s.https?.tlsPolicy;
    if (policy === undefined || !usable("https.tlsPolicy") || TLS_POLICIES.includes(policy)) return [];
    const suggestion = TLS_POLICIES.find((name) => name.toLowerCase() === policy.toLowerCase());
    return [
      {
        path: "https.tlsPolicy",
        rule: suggestion
          ? `must be spelled as AWS names it: ${suggestion}`
          : "must be an Application Load Balancer TLS policy, such as ELBSecurityPolicy-TLS13-1-2-2021-06 (TLS 1.3 and 1.2) or ELBSecurityPolicy-TLS13-1-2-Res-PQ-2025-09",
        value: policy,
      },
    ];
  },
};
