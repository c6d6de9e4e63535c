import { s3StateVersioningRule } from "../../../src/checks/rules/s3-state-versioning";
import { describePolicyRule, stackOf } from "./check-policy-rule";

const backend = { s3: { bucket: "shop-terraform-state", key: "app.tfstate" } };
const bucket = { aws_s3_bucket: { state: { bucket: "shop-terraform-state" } } };

describePolicyRule(s3StateVersioningRule, {
  passing: {
    "the state bucket versioned": stackOf(
      {
        ...bucket,
        aws_s3_bucket_versioning: { state: { bucket: "${aws_s3_bucket.state.id}", versioning_configuration: { status: "Enabled" } } },
      },
      backend,
    ),
    "a bucket that holds no state": stackOf({ aws_s3_bucket: { logs: { bucket: "logs" } } }, backend),
    "a local backend": stackOf(bucket, { local: { path: "terraform.tfstate" } }),
    "versioned inline (deprecated in provider 5.x, still accepted)": stackOf(
      { aws_s3_bucket: { state: { bucket: "shop-terraform-state", versioning: { enabled: true } } } },
      backend,
    ),
  },
  failing: {
    "the state bucket unversioned": [
      stackOf(
        {
          ...bucket,
          aws_s3_bucket_versioning: { state: { bucket: "${aws_s3_bucket.state.id}", versioning_configuration: { status: "Suspended" } } },
        },
        backend,
      ),
      [{ address: "aws_s3_bucket.state", problem: "holds the Terraform state (shop-terraform-state) without versioning" }],
    ],
  },
});
