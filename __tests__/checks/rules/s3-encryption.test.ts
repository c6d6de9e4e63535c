import { s3EncryptionRule } from "../../../src/checks/rules/s3-encryption";
import { describePolicyRule, stackOf } from "./check-policy-rule";

describePolicyRule(s3EncryptionRule, {
  passing: {
    "SSE-S3 written down": stackOf({
      aws_s3_bucket: { logs: {} },
      aws_s3_bucket_server_side_encryption_configuration: {
        logs: { bucket: "${aws_s3_bucket.logs.bucket}", rule: [{ apply_server_side_encryption_by_default: { sse_algorithm: "AES256" } }] },
      },
    }),
    // Deprecated in provider 5.x, still accepted.
    "written inline on the bucket": stackOf({ aws_s3_bucket: { logs: { server_side_encryption_configuration: { rule: {} } } } }),
  },
  failing: {
    "the account's default": [
      stackOf({ aws_s3_bucket: { logs: {} } }),
      [{ address: "aws_s3_bucket.logs", problem: "has no server-side encryption configuration" }],
    ],
  },
});
