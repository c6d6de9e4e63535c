import type { PolicyRule } from "../policy-rule";

const SETTINGS = ["block_public_acls", "block_public_policy", "ignore_public_acls", "restrict_public_buckets"];

export const s3PublicAccessBlockRule: PolicyRule = {
  id: "S3-PUBLIC-ACCESS-BLOCK",
  severity: "error",
  risk: "Without all four public access blocks, one ACL or policy statement makes the bucket's objects public.",
  fix: "Add an aws_s3_bucket_public_access_block with all four settings true (the access-logs bucket has one).",
  equivalents: {
    checkov: ["CKV2_AWS_6", "CKV_AWS_53", "CKV_AWS_54", "CKV_AWS_55", "CKV_AWS_56"],
    trivy: ["AVD-AWS-0094 aws-s3-specify-public-access-block"],
    cdkNag: ["AwsSolutions-S2"],
  },
  check(stack) {
    return stack.ofType("aws_s3_bucket").flatMap((bucket) => {
      const blocks = stack.referringTo(bucket.address, "aws_s3_bucket_public_access_block");
      const missing = SETTINGS.filter((setting) => !blocks.some((block) => block.config[setting] === true));
      return missing.length ? [{ address: bucket.address, problem: `does not block public access: ${missing.join(", ")} not true` }] : [];
    });
  },
};
