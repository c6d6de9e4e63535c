import { formatReport, statusOf } from "../../src/checks/format-report";
import type { PolicyReport } from "../../src/checks/policy-checks";
import { POLICY_RULES } from "../../src/checks/rules";
import { lbWafRule } from "../../src/checks/rules/lb-waf";
import { sgOpenIngressRule } from "../../src/checks/rules/sg-open-ingress";

const waf = { rule: lbWafRule, address: "aws_lb.main", problem: "faces the internet without a WAF web ACL" };
const ssh = { rule: sgOpenIngressRule, address: "aws_security_group_rule.ssh", problem: "admits tcp 22 from 0.0.0.0/0" };

describe("the policy report", () => {
  it("says what each finding does to the synth", () => {
    const enforced: PolicyReport = { results: [], enforce: true };
    expect(statusOf(ssh, enforced)).toBe("refused");
    expect(statusOf(waf, enforced)).toBe("warning");
    expect(statusOf({ ...ssh, suppression: { rule: ssh.rule.id, reason: "a bastion | for now" } }, enforced)).toBe(
      "suppressed: a bastion | for now",
    );
    expect(statusOf(ssh, { results: [], enforce: false, reportedAs: "the tutorial as written" })).toBe("reported: the tutorial as written");
  });

  it("is a Markdown table of the findings, then the rules passed", () => {
    const text = formatReport("web", { results: [ssh, { ...waf, suppression: { rule: "LB-WAF", reason: "a | b" } }], enforce: true });
    const lines = text.split("\n");
    const rules = POLICY_RULES.length;
    expect(lines[0]).toBe(`web: 2 findings, 1 refusing the synth, ${rules - 2} of ${rules} rules passed`);
    expect(lines.slice(2, 6)).toEqual([
      "| Rule | Severity | Resource | Status | Finding |",
      "| --- | --- | --- | --- | --- |",
      "| SG-OPEN-INGRESS | error | `aws_security_group_rule.ssh` | refused | admits tcp 22 from 0.0.0.0/0 |",
      "| LB-WAF | warning | `aws_lb.main` | suppressed: a \\| b | faces the internet without a WAF web ACL |",
    ]);
    expect(lines.at(-1)).toMatch(/^Passed: LB-HTTPS, LB-TLS-POLICY, .*S3-STATE-VERSIONING, .*SCHEDULER-DEAD-LETTER-QUEUE$/);
    expect(lines.at(-1)).not.toContain("LB-WAF");
  });
});
