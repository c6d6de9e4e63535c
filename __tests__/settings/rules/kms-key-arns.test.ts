import { kmsKeyArnsRule } from "../../../src/settings/rules/kms-key-arns";
import { describeRule } from "./check-rule";

describeRule(kmsKeyArnsRule, {
  passing: [{}, { secretsKmsKeyArns: ["arn:aws:kms:ap-northeast-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"] }],
  failing: [
    [
      { secretsKmsKeyArns: ["arn:aws:kms:ap-northeast-1:123456789012:alias/orders"] },
      'app/web.secretsKmsKeyArns[0]: must be a KMS key ARN, arn:aws:kms:<region>:<account>:key/<key-id> (not an alias); received "arn:aws:kms:ap-northeast-1:123456789012:alias/orders"',
    ],
    [{ secretsKmsKeyArns: ["1234abcd-12ab-34cd-56ef-1234567890ab"] }, "app/web.secretsKmsKeyArns[0]: must be a KMS key ARN"],
  ],
});
