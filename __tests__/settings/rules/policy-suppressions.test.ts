import { constructSource, describeProblem } from "../../../src/settings/problems";
import { prepareSettings, validateEnvironment } from "../../../src/settings/resolve-settings";
import { policySuppressionsRule } from "../../../src/settings/rules/policy-suppressions";
import type { PolicySuppressionSettings } from "../../../src/settings/settings";

const messages = (suppressions: PolicySuppressionSettings[]) => {
  const { resolved, context } = prepareSettings({}, "ap-northeast-1");
  return policySuppressionsRule
    .check(resolved, { ...context, environment: { suppressions } })
    .map((problem) => describeProblem(constructSource("app/web"), problem));
};
const reason = "the demo has no domain";

describe(policySuppressionsRule.summary, () => {
  it("accepts known rules, each once per resource", () => {
    expect(
      messages([
        { rule: "LB-HTTPS", reason },
        { rule: "LB-WAF", reason, resource: "aws_lb.main" },
        { rule: "LB-WAF", reason, resource: "aws_lb.other" },
      ]),
    ).toEqual([]);
  });

  it("rejects an unknown rule, naming the known ones", () => {
    expect(messages([{ rule: "LB-HTTP", reason }])).toEqual([
      expect.stringMatching(/^app\/web\.suppressions\[0\]\.rule: must be one of the policy rules \(LB-HTTPS, .*\); received "LB-HTTP"$/),
    ]);
  });

  it("rejects a rule suppressed twice for the same resources", () => {
    expect(
      messages([
        { rule: "LB-WAF", reason },
        { rule: "LB-WAF", reason: "again" },
      ]),
    ).toEqual(['app/web.suppressions[1].rule: is suppressed twice for the same resources; received "LB-WAF"']);
  });

  it("refuses, through the schema, a suppression without a reason or with a blank one", () => {
    const refused = (suppressions: unknown) => () => validateEnvironment({ suppressions }, { name: "config/x.json", separator: ": " });
    expect(refused([{ rule: "LB-WAF" }])).toThrow("config/x.json: suppressions[0].reason: is required; received nothing");
    expect(refused([{ rule: "LB-WAF", reason: "  " }])).toThrow(
      "config/x.json: suppressions[0].reason: must say why the finding is accepted",
    );
  });
});
