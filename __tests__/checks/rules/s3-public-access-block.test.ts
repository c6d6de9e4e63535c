import { s3PublicAccessBlockRule } from "../../../src/checks/rules/s3-public-access-block";
import { describePolicyRule, stackOf } from "./check-policy-rule";

const all = { block_public_acls: true, block_public_policy: true, ignore_public_acls: true, restrict_public_buckets: true };

describePolicyRule(s3PublicAccessBlockRule, {
  passing: {
    "all four": stackOf({
      aws_s3_bucket: { logs: {} },
      aws_s3_bucket_public_access_block: { logs: { bucket: "${aws_s3_bucket.logs.id}", ...all } },
    }),
  },
  failing: {
    none: [
      stackOf({ aws_s3_bucket: { logs: {} } }),
      [
        {
          address: "aws_s3_bucket.logs",
          problem:
            "does not block public access: block_public_acls, block_public_policy, ignore_public_acls, restrict_public_buckets not true",
        },
      ],
    ],
    "policies allowed": [
      stackOf({
        aws_s3_bucket: { logs: {} },
        aws_s3_bucket_public_access_block: { logs: { bucket: "${aws_s3_bucket.logs.id}", ...all, block_public_policy: false } },
      }),
      [{ address: "aws_s3_bucket.logs", problem: "does not block public access: block_public_policy not true" }],
    ],
  },
});
