import { domainNamesRule } from "../../../src/settings/rules/domain-names";
import { describeRule } from "./check-rule";

describeRule(domainNamesRule, {
  passing: [
    {},
    { https: { domain: "example.com" } },
    {
      https: {
        domain: "api.example.com",
        hostedZone: "example.com",
        aliases: ["www.example.com", "*.example.com", "example.com"].slice(0, 2),
      },
    },
    { https: { domain: "shop.example.co.jp", hostedZone: "Z0123456789ABCDEFGHIJ", aliases: ["anywhere.example.org"] } },
    { https: { domain: "xn--eckwd4c7c.example.com" } },
  ],
  failing: [
    [
      { https: { domain: "localhost" } },
      'app/web.https.domain: must be a domain name with at least two labels, such as example.com; received "localhost"',
    ],
    [
      { https: { domain: "-api.example.com" } },
      'app/web.https.domain: must be labels of 1-63 letters, digits and hyphens, not starting or ending with a hyphen; "-api" is not one',
    ],
    [
      { https: { domain: "*.example.com" } },
      'app/web.https.domain: must be labels of 1-63 letters, digits and hyphens, not starting or ending with a hyphen; "*" is not one',
    ],
    [
      { https: { domain: "api.example.com", hostedZone: "example.org" } },
      'app/web.https.domain: must be in the hosted zone example.org, or the zone named by https.hostedZone; received "api.example.com"',
    ],
    [
      { https: { domain: "example.com", aliases: ["www.example.org"] } },
      'app/web.https.aliases[0]: must be in the hosted zone example.com: its DNS record goes there; received "www.example.org"',
    ],
    [
      { https: { domain: "example.com", aliases: ["www.*.example.com"] } },
      "app/web.https.aliases[0]: must be labels of 1-63 letters, digits and hyphens, not starting or ending with a hyphen (a wildcard only as the whole first label, *.)",
    ],
    [
      { https: { domain: "example.com", aliases: ["EXAMPLE.com"] } },
      "app/web.https.aliases[0]: must differ from https.domain, which the certificate already names",
    ],
    [
      { https: { domain: "example.com", aliases: Array.from({ length: 100 }, (_, i) => `host${i}.example.com`) } },
      "app/web.https.aliases: must give the certificate at most 100 names, the domain included (ACM's limit); received 100",
    ],
    [
      { https: { domain: "example.com", hostedZone: "example" } },
      "app/web.https.hostedZone: must be a domain name with at least two labels, such as example.com (or a hosted zone ID, Z…)",
    ],
  ],
});
