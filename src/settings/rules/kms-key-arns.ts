import type { SettingsRule } from "./rule";

const KEY_ARN = /^arn:aws(?:-cn|-us-gov)?:kms:[a-z]{2}(?:-[a-z]+)+-\d+:\d{12}:key\/[A-Za-z0-9-]{1,128}$/;

export const kmsKeyArnsRule: SettingsRule = {
  id: "kms-key-arns",
  summary: "`secretsKmsKeyArns` are key ARNs (`arn:aws:kms:<region>:<account>:key/<id>`): IAM grants decryption on keys, not on aliases",
  check(s, { usable }) {
    if (!usable("secretsKmsKeyArns")) return [];
    return s.secretsKmsKeyArns.flatMap((arn, index) =>
      KEY_ARN.test(arn)
        ? []
        : [
            {
              path: `secretsKmsKeyArns[${index}]`,
              rule: "must be a KMS key ARN, arn:aws:kms:<region>:<account>:key/<key-id> (not an alias)",
              value: arn,
            },
          ],
    );
  },
};
