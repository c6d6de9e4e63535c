import { TLS_POLICIES, tlsPolicyRule } from "../../../src/settings/rules/tls-policy";
import { describeRule } from "./check-rule";

describeRule(tlsPolicyRule, {
  passing: [
    {},
    { https: { domain: "example.com" } },
    { https: { domain: "example.com", tlsPolicy: "ELBSecurityPolicy-TLS13-1-2-2021-06" } },
    { https: { domain: "example.com", tlsPolicy: "ELBSecurityPolicy-TLS13-1-2-Res-PQ-2025-09" } },
    { defaults: "recommended", https: { domain: "example.com" } },
  ],
  failing: [
    [
      { https: { domain: "example.com", tlsPolicy: "TLS1.3" } },
      'app/web.https.tlsPolicy: must be an Application Load Balancer TLS policy, such as ELBSecurityPolicy-TLS13-1-2-2021-06 (TLS 1.3 and 1.2) or ELBSecurityPolicy-TLS13-1-2-Res-PQ-2025-09; received "TLS1.3"',
    ],
    [
      { https: { domain: "example.com", tlsPolicy: "elbsecuritypolicy-tls13-1-2-2021-06" } },
      "app/web.https.tlsPolicy: must be spelled as AWS names it: ELBSecurityPolicy-TLS13-1-2-2021-06",
    ],
  ],
});

it("knows every policy of the 2021, FIPS 2023 and post-quantum 2025 families once", () => {
  expect(new Set(TLS_POLICIES).size).toBe(TLS_POLICIES.length);
  expect(TLS_POLICIES.filter((name) => name.endsWith("-PQ-2025-09"))).toHaveLength(14);
});
