import { tlsPolicyRule } from "../../../src/settings/rules/tls-policy";
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
      'app/web.https.tlsPolicy: must be a TLS policy AWS publishes for Application Load Balancers, such as ELBSecurityPolicy-TLS13-1-2-Res-PQ-2025-09 (TLS 1.3 and 1.2, post-quantum key exchange) or ELBSecurityPolicy-TLS13-1-2-2021-06; any other name fails the listener with SSLPolicyNotFound; received "TLS1.3"',
    ],
    [
      // The post-quantum family has no TLS13-1-1 policy: the listener would fail with SSLPolicyNotFound.
      { https: { domain: "example.com", tlsPolicy: "ELBSecurityPolicy-TLS13-1-1-FIPS-PQ-2025-09" } },
      "app/web.https.tlsPolicy: must be a TLS policy AWS publishes for Application Load Balancers",
    ],
    [
      { https: { domain: "example.com", tlsPolicy: "ELBSecurityPolicy-TLS13-1-2-Ext0-PQ-2025-09" } },
      "app/web.https.tlsPolicy: must be a TLS policy AWS publishes for Application Load Balancers",
    ],
    [
      { https: { domain: "example.com", tlsPolicy: "elbsecuritypolicy-tls13-1-2-2021-06" } },
      "app/web.https.tlsPolicy: must be spelled as AWS names it: ELBSecurityPolicy-TLS13-1-2-2021-06",
    ],
  ],
});
