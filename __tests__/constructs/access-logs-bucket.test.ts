import { AccessLogsBucket } from "../../src/constructs/access-logs-bucket";
import { ACCESS_LOGS_ADDRESSES } from "../fixtures/chapter-addresses";
import { addresses, ref, resourceAt, synthesizeScope } from "../helpers";

describe("AccessLogsBucket", () => {
  const synth = synthesizeScope((scope) => new AccessLogsBucket(scope, "logs", { name: "orders-api", retentionDays: 90 }));

  it("is a bucket of a random name after the service, emptied when destroyed", () => {
    expect(resourceAt(synth, "aws_s3_bucket.alb_logs")).toMatchObject({ bucket_prefix: "orders-api-alb-logs-", force_destroy: true });
    expect(addresses(synth).filter((address) => address.startsWith("aws_"))).toEqual([...ACCESS_LOGS_ADDRESSES]);
  });

  it("blocks public access, encrypts with S3's keys, owns its objects and lets the logs expire", () => {
    const bucket = ref("aws_s3_bucket.alb_logs", "id");
    expect(resourceAt(synth, "aws_s3_bucket_public_access_block.alb_logs")).toMatchObject({
      bucket,
      block_public_acls: true,
      block_public_policy: true,
      ignore_public_acls: true,
      restrict_public_buckets: true,
    });
    expect(resourceAt(synth, "aws_s3_bucket_server_side_encryption_configuration.alb_logs").rule).toEqual([
      { apply_server_side_encryption_by_default: { sse_algorithm: "AES256" } },
    ]);
    expect(resourceAt(synth, "aws_s3_bucket_ownership_controls.alb_logs").rule).toEqual({ object_ownership: "BucketOwnerEnforced" });
    expect(resourceAt(synth, "aws_s3_bucket_lifecycle_configuration.alb_logs").rule).toEqual([
      { id: "expire-access-logs", status: "Enabled", filter: [{ prefix: "alb/" }], expiration: [{ days: 90 }] },
    ]);
  });

  it("lets only Elastic Load Balancing's log delivery write, only under the prefix, once public access is blocked", () => {
    const policy = resourceAt(synth, "aws_s3_bucket_policy.alb_logs");
    expect(policy.depends_on).toEqual(["aws_s3_bucket_public_access_block.alb_logs"]);
    const logs = `${ref("aws_s3_bucket.alb_logs", "arn")}/alb/AWSLogs/${ref("data.aws_caller_identity.current", "account_id")}/*`;
    expect(JSON.parse(policy.policy).Statement).toEqual([
      {
        Sid: "RegionalLogDelivery",
        Effect: "Allow",
        Principal: { AWS: ref("data.aws_elb_service_account.main", "arn") },
        Action: "s3:PutObject",
        Resource: logs,
      },
      {
        Sid: "LogDelivery",
        Effect: "Allow",
        Principal: { Service: "logdelivery.elasticloadbalancing.amazonaws.com" },
        Action: "s3:PutObject",
        Resource: logs,
      },
    ]);
  });

  it("lets only the log delivery service write in a region opened since August 2022, which has no regional ELB account for the provider to look up", () => {
    const zurich = synthesizeScope(
      (scope) => new AccessLogsBucket(scope, "logs", { name: "orders-api", retentionDays: 90, region: "eu-central-2" }),
    );
    expect(zurich.doc.data?.aws_elb_service_account).toBeUndefined();
    expect(JSON.parse(resourceAt(zurich, "aws_s3_bucket_policy.alb_logs").policy).Statement).toEqual([
      expect.objectContaining({ Sid: "LogDelivery", Principal: { Service: "logdelivery.elasticloadbalancing.amazonaws.com" } }),
    ]);
    const tokyo = synthesizeScope(
      (scope) => new AccessLogsBucket(scope, "logs", { name: "orders-api", retentionDays: 90, region: "ap-northeast-1" }),
    );
    expect(Object.keys(tokyo.doc.data?.aws_elb_service_account ?? {})).toEqual(["main"]);
  });

  it("names the bucket in lower case, as S3 requires, whatever the case of the service's name", () => {
    const upper = synthesizeScope((scope) => new AccessLogsBucket(scope, "logs", { name: "OrdersApi", retentionDays: 90 }));
    expect(resourceAt(upper, "aws_s3_bucket.alb_logs").bucket_prefix).toBe("ordersapi-alb-logs-");
  });

  it("keeps the bucket name prefix within S3's 37 characters", () => {
    const long = synthesizeScope((scope) => new AccessLogsBucket(scope, "logs", { name: "a".repeat(32), retentionDays: 1 }));
    expect(resourceAt(long, "aws_s3_bucket.alb_logs").bucket_prefix).toHaveLength(37);
  });
});
