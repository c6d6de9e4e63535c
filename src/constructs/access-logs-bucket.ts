import { DataAwsCallerIdentity } from "@cdktf/provider-aws/lib/data-aws-caller-identity";
import { DataAwsElbServiceAccount } from "@cdktf/provider-aws/lib/data-aws-elb-service-account";
import { S3Bucket } from "@cdktf/provider-aws/lib/s3-bucket";
import { S3BucketLifecycleConfiguration } from "@cdktf/provider-aws/lib/s3-bucket-lifecycle-configuration";
import { S3BucketOwnershipControls } from "@cdktf/provider-aws/lib/s3-bucket-ownership-controls";
import { S3BucketPolicy } from "@cdktf/provider-aws/lib/s3-bucket-policy";
import { S3BucketPublicAccessBlock } from "@cdktf/provider-aws/lib/s3-bucket-public-access-block";
import { S3BucketServerSideEncryptionConfigurationA } from "@cdktf/provider-aws/lib/s3-bucket-server-side-encryption-configuration";
import { Construct } from "constructs";
import { accessLogsBucketPrefix } from "../aws/bucket-names";
import { ELB_LOG_DELIVERY_SERVICE, elbWritesAsRegionalAccount } from "../aws/elb-log-delivery";
import { type PolicyStatement, policyDocument } from "../aws/iam-policies";
import { addressPinner } from "./address";

/** Properties of {@link AccessLogsBucket}. */
export interface AccessLogsBucketProps {
  /** Name of the service: the bucket's name starts with it. */
  readonly name: string;
  /** Days the logs are kept. */
  readonly retentionDays: number;
  /**
   * The load balancer's region, which decides who writes the logs: a regional ELB account (regions opened before August 2022) or ELB's log delivery service.
   * @default - not known at synth: a region with a regional ELB account
   */
  readonly region?: string;
  /**
   * Prefix of the Terraform addresses.
   * @default - none
   */
  readonly addressPrefix?: string;
}

/** The key prefix the load balancer writes under. */
export const ACCESS_LOGS_PREFIX = "alb";

/**
 * The S3 bucket a load balancer writes its access logs to: owned by the bucket owner, public
 * access blocked, encrypted with S3's keys (the only kind ELB can write with), the logs expiring,
 * and a policy that lets Elastic Load Balancing's log delivery write under the prefix, nothing else.
 * Its name is a prefix AWS completes at random: bucket names are global, and a guessable one could
 * be taken first by anyone. Destroying the stack deletes the logs with it.
 */
export class AccessLogsBucket extends Construct {
  public readonly bucket: S3Bucket;
  /** The bucket policy: give its `bucket` to the load balancer, so that it waits until log delivery may write. */
  public readonly policy: S3BucketPolicy;

  constructor(scope: Construct, id: string, props: AccessLogsBucketProps) {
    super(scope, id);
    const pin = addressPinner(props.addressPrefix);
    this.bucket = new S3Bucket(this, "bucket", { bucketPrefix: accessLogsBucketPrefix(props.name), forceDestroy: true });
    pin(this.bucket, "alb_logs");
    const bucket = this.bucket.id;

    pin(new S3BucketOwnershipControls(this, "ownership", { bucket, rule: { objectOwnership: "BucketOwnerEnforced" } }), "alb_logs");
    const publicAccess = new S3BucketPublicAccessBlock(this, "public-access", {
      bucket,
      blockPublicAcls: true,
      blockPublicPolicy: true,
      ignorePublicAcls: true,
      restrictPublicBuckets: true,
    });
    pin(publicAccess, "alb_logs");
    const encryption = new S3BucketServerSideEncryptionConfigurationA(this, "encryption", {
      bucket,
      rule: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" } }],
    });
    pin(encryption, "alb_logs");
    const lifecycle = new S3BucketLifecycleConfiguration(this, "lifecycle", {
      bucket,
      rule: [
        {
          id: "expire-access-logs",
          status: "Enabled",
          filter: [{ prefix: `${ACCESS_LOGS_PREFIX}/` }],
          expiration: [{ days: props.retentionDays }],
        },
      ],
    });
    pin(lifecycle, "alb_logs");

    const account = new DataAwsCallerIdentity(this, "account", {});
    pin(account, "current");
    const logs = `${this.bucket.arn}/${ACCESS_LOGS_PREFIX}/AWSLogs/${account.accountId}/*`;
    const writers: PolicyStatement[] = [];
    // Regions older than August 2022 write through a regional ELB account, which the newer ones do not have.
    if (elbWritesAsRegionalAccount(props.region)) {
      const elbAccount = new DataAwsElbServiceAccount(this, "elb-account", {});
      pin(elbAccount, "main");
      writers.push({
        Sid: "RegionalLogDelivery",
        Effect: "Allow",
        Principal: { AWS: elbAccount.arn },
        Action: "s3:PutObject",
        Resource: logs,
      });
    }
    writers.push({
      Sid: "LogDelivery",
      Effect: "Allow",
      Principal: { Service: ELB_LOG_DELIVERY_SERVICE },
      Action: "s3:PutObject",
      Resource: logs,
    });
    this.policy = new S3BucketPolicy(this, "policy", {
      bucket,
      policy: JSON.stringify(policyDocument(writers)),
      // S3 refuses a bucket policy while the public access block is being written.
      dependsOn: [publicAccess],
    });
    pin(this.policy, "alb_logs");
  }
}
