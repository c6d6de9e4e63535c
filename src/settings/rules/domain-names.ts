import type { Problem } from "../problems";
import type { SettingsRule } from "./rule";

const LABEL = /^(?!-)[A-Za-z0-9-]{1,63}(?<!-)$/;
const ZONE_ID = /^Z[A-Z0-9]{1,31}$/;
/** ACM's hard limit of names on one certificate (its default quota is 10). */
const MAX_CERTIFICATE_NAMES = 100;

/** Why a DNS name is not one ACM and Route 53 accept, if it is not; a wildcard only as a whole first label. */
function nameProblem(name: string, wildcard: boolean): string | undefined {
  const labels = (wildcard && name.startsWith("*.") ? name.slice(2) : name).split(".");
  if (name.length > 253) return "must be at most 253 characters";
  if (labels.length < 2) return "must be a domain name with at least two labels, such as example.com";
  const bad = labels.find((label) => !LABEL.test(label));
  if (bad !== undefined) {
    return `must be labels of 1-63 letters, digits and hyphens, not starting or ending with a hyphen${wildcard ? " (a wildcard only as the whole first label, *.)" : ""}; "${bad}" is not one`;
  }
  return undefined;
}

const within = (name: string, zone: string) => {
  const bare = name.replace(/^\*\./, "").toLowerCase();
  const apex = zone.replace(/\.$/, "").toLowerCase();
  return bare === apex || bare.endsWith(`.${apex}`);
};

export const domainNamesRule: SettingsRule = {
  id: "domain-names",
  summary: `\`https.domain\` and \`https.aliases\` are DNS names ACM and Route 53 accept (labels of 1-63 letters, digits, hyphens; a wildcard only as the first label of an alias), inside \`https.hostedZone\`, not repeated, at most ${MAX_CERTIFICATE_NAMES} on the certificate`,
  check(s, { usable }) {
    const https = s.https;
    if (!https || !usable("https.domain")) return [];
    const problems: Problem[] = [];
    const domainProblem = nameProblem(https.domain, false);
    if (domainProblem) problems.push({ path: "https.domain", rule: domainProblem, value: https.domain });
    const zoneByName = usable("https.hostedZone") && !ZONE_ID.test(https.hostedZone);
    if (zoneByName) {
      const zoneProblem = nameProblem(https.hostedZone, false);
      if (zoneProblem)
        problems.push({ path: "https.hostedZone", rule: `${zoneProblem} (or a hosted zone ID, Z…)`, value: https.hostedZone });
      else if (!domainProblem && !within(https.domain, https.hostedZone)) {
        problems.push({
          path: "https.domain",
          rule: `must be in the hosted zone ${https.hostedZone}, or the zone named by https.hostedZone`,
          value: https.domain,
        });
      }
    }
    if (!usable("https.aliases")) return problems;
    https.aliases.forEach((alias, index) => {
      const path = `https.aliases[${index}]`;
      const aliasProblem = nameProblem(alias, true);
      if (aliasProblem) problems.push({ path, rule: aliasProblem, value: alias });
      else if (alias.toLowerCase() === https.domain.toLowerCase())
        problems.push({ path, rule: "must differ from https.domain, which the certificate already names", value: alias });
      else if (zoneByName && !within(alias, https.hostedZone)) {
        problems.push({ path, rule: `must be in the hosted zone ${https.hostedZone}: its DNS record goes there`, value: alias });
      }
    });
    if (https.aliases.length + 1 > MAX_CERTIFICATE_NAMES) {
      problems.push({
        path: "https.aliases",
        rule: `must give the certificate at most ${MAX_CERTIFICATE_NAMES} names, the domain included (ACM's limit)`,
        value: https.aliases.length,
      });
    }
    return problems;
  },
};
