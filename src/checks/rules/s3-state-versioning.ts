import { blocks } from "../../terraform/terraform-json";
import type { PolicyRule } from "../policy-rule";

export const s3StateVersioningRule: PolicyRule = {
  id: "S3-STATE-VERSIONING",
  severity: "error",
  risk: "A state bucket without versioning loses the state for good when a bad write or a delete reaches it.",
  fix: "Add an aws_s3_bucket_versioning with status Enabled to the bucket the backend names.",
  equivalents: { checkov: ["CKV_AWS_21"], trivy: ["AVD-AWS-0090 aws-s3-enable-versioning"] },
  check(stack) {
    const stateBucket = stack.backend?.s3?.bucket;
    return stack
      .ofType("aws_s3_bucket")
      .filter((bucket) => stateBucket !== undefined && bucket.config.bucket === stateBucket)
      .filter((bucket) => !blocks(bucket.config.versioning).some((versioning) => versioning.enabled === true))
      .filter(
        (bucket) =>
          !stack
            .referringTo(bucket.address, "aws_s3_bucket_versioning")
            .some((versioning) =>
              blocks(versioning.config.versioning_configuration).some((configuration) => configuration.status === "Enabled"),
            ),
      )
      .map((bucket) => ({ address: bucket.address, problem: `holds the Terraform state (${stateBucket}) without versioning` }));
  },
};
