import { blocks } from "../../terraform/terraform-json";
import type { PolicyRule } from "../policy-rule";

export const s3EncryptionRule: PolicyRule = {
  id: "S3-ENCRYPTION",
  severity: "error",
  risk: "A bucket without its encryption written down depends on the account's default, which a reviewer cannot see.",
  fix: "Add an aws_s3_bucket_server_side_encryption_configuration (the access-logs bucket has one: SSE-S3, which load balancer logs require).",
  equivalents: { checkov: ["CKV_AWS_19"], trivy: ["AVD-AWS-0088 aws-s3-enable-bucket-encryption"] },
  check(stack) {
    return stack
      .ofType("aws_s3_bucket")
      .filter(
        (bucket) =>
          !stack.referringTo(bucket.address, "aws_s3_bucket_server_side_encryption_configuration").length &&
          !blocks(bucket.config.server_side_encryption_configuration).length,
      )
      .map((bucket) => ({ address: bucket.address, problem: "has no server-side encryption configuration" }));
  },
};
