import { unusedSettingsRule } from "../../../src/settings/rules/unused-settings";
import { describeRule } from "./check-rule";

const KEY = "arn:aws:kms:ap-northeast-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";

describeRule(unusedSettingsRule, {
  passing: [
    {},
    { logs: { enabled: true, retentionDays: 90 } },
    { enableExecuteCommand: true, logs: { retentionDays: 7 } },
    { capacity: { spotPercent: 50, onDemandBase: 2 } },
    { secrets: { A: "arn:aws:ssm:ap-northeast-1:123456789012:parameter/a" }, secretsKmsKeyArns: [KEY] },
    { alarms: { enabled: true, targetErrorsPerMinute: 50 } },
    { defaults: "recommended", alarms: { evaluationMinutes: 5 } },
  ],
  failing: [
    [
      { logs: { retentionDays: 90 } },
      "app/web.logs.retentionDays: has no effect without logs.enabled, enableExecuteCommand or flowLogs; received 90",
    ],
    [{ capacity: { onDemandBase: 2 } }, "app/web.capacity.onDemandBase: has no effect without capacity.spotPercent above 0; received 2"],
    [{ secretsKmsKeyArns: [KEY] }, "app/web.secretsKmsKeyArns: has no effect without secrets"],
    [{ alarms: { targetErrorsPerMinute: 50 } }, "app/web.alarms: has no effect without alarms.enabled"],
  ],
});
