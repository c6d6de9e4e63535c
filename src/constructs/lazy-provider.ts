// The provider's classes for the features the tutorial lacks, loaded when a construct first uses
// them: each provider module takes milliseconds to load, which every synth would otherwise pay,
// the tutorial's included, whether it uses the feature or not. Types are imported as usual.
type Loaded<Module, Name extends keyof Module> = () => Module[Name];

function lazy<Module, Name extends keyof Module>(path: string, name: Name): Loaded<Module, Name> {
  let loaded: Module[Name] | undefined;
  return () => {
    loaded ??= (require(path) as Module)[name];
    return loaded;
  };
}

export const CloudwatchLogGroup = lazy<typeof import("@cdktf/provider-aws/lib/cloudwatch-log-group"), "CloudwatchLogGroup">(
  "@cdktf/provider-aws/lib/cloudwatch-log-group",
  "CloudwatchLogGroup",
);
export const IamRole = lazy<typeof import("@cdktf/provider-aws/lib/iam-role"), "IamRole">("@cdktf/provider-aws/lib/iam-role", "IamRole");
export const IamRolePolicy = lazy<typeof import("@cdktf/provider-aws/lib/iam-role-policy"), "IamRolePolicy">(
  "@cdktf/provider-aws/lib/iam-role-policy",
  "IamRolePolicy",
);
export const AppautoscalingTarget = lazy<typeof import("@cdktf/provider-aws/lib/appautoscaling-target"), "AppautoscalingTarget">(
  "@cdktf/provider-aws/lib/appautoscaling-target",
  "AppautoscalingTarget",
);
export const AppautoscalingPolicy = lazy<typeof import("@cdktf/provider-aws/lib/appautoscaling-policy"), "AppautoscalingPolicy">(
  "@cdktf/provider-aws/lib/appautoscaling-policy",
  "AppautoscalingPolicy",
);
export const EcsClusterCapacityProviders = lazy<
  typeof import("@cdktf/provider-aws/lib/ecs-cluster-capacity-providers"),
  "EcsClusterCapacityProviders"
>("@cdktf/provider-aws/lib/ecs-cluster-capacity-providers", "EcsClusterCapacityProviders");
export const DataAwsRegion = lazy<typeof import("@cdktf/provider-aws/lib/data-aws-region"), "DataAwsRegion">(
  "@cdktf/provider-aws/lib/data-aws-region",
  "DataAwsRegion",
);
export const DataAwsRoute53Zone = lazy<typeof import("@cdktf/provider-aws/lib/data-aws-route53-zone"), "DataAwsRoute53Zone">(
  "@cdktf/provider-aws/lib/data-aws-route53-zone",
  "DataAwsRoute53Zone",
);
export const AcmCertificate = lazy<typeof import("@cdktf/provider-aws/lib/acm-certificate"), "AcmCertificate">(
  "@cdktf/provider-aws/lib/acm-certificate",
  "AcmCertificate",
);
export const AcmCertificateValidation = lazy<
  typeof import("@cdktf/provider-aws/lib/acm-certificate-validation"),
  "AcmCertificateValidation"
>("@cdktf/provider-aws/lib/acm-certificate-validation", "AcmCertificateValidation");
export const Route53Record = lazy<typeof import("@cdktf/provider-aws/lib/route53-record"), "Route53Record">(
  "@cdktf/provider-aws/lib/route53-record",
  "Route53Record",
);
export const S3Bucket = lazy<typeof import("@cdktf/provider-aws/lib/s3-bucket"), "S3Bucket">(
  "@cdktf/provider-aws/lib/s3-bucket",
  "S3Bucket",
);
export const S3BucketPolicy = lazy<typeof import("@cdktf/provider-aws/lib/s3-bucket-policy"), "S3BucketPolicy">(
  "@cdktf/provider-aws/lib/s3-bucket-policy",
  "S3BucketPolicy",
);
export const S3BucketOwnershipControls = lazy<
  typeof import("@cdktf/provider-aws/lib/s3-bucket-ownership-controls"),
  "S3BucketOwnershipControls"
>("@cdktf/provider-aws/lib/s3-bucket-ownership-controls", "S3BucketOwnershipControls");
export const S3BucketPublicAccessBlock = lazy<
  typeof import("@cdktf/provider-aws/lib/s3-bucket-public-access-block"),
  "S3BucketPublicAccessBlock"
>("@cdktf/provider-aws/lib/s3-bucket-public-access-block", "S3BucketPublicAccessBlock");
export const S3BucketServerSideEncryptionConfigurationA = lazy<
  typeof import("@cdktf/provider-aws/lib/s3-bucket-server-side-encryption-configuration"),
  "S3BucketServerSideEncryptionConfigurationA"
>("@cdktf/provider-aws/lib/s3-bucket-server-side-encryption-configuration", "S3BucketServerSideEncryptionConfigurationA");
export const S3BucketLifecycleConfiguration = lazy<
  typeof import("@cdktf/provider-aws/lib/s3-bucket-lifecycle-configuration"),
  "S3BucketLifecycleConfiguration"
>("@cdktf/provider-aws/lib/s3-bucket-lifecycle-configuration", "S3BucketLifecycleConfiguration");
export const DataAwsCallerIdentity = lazy<typeof import("@cdktf/provider-aws/lib/data-aws-caller-identity"), "DataAwsCallerIdentity">(
  "@cdktf/provider-aws/lib/data-aws-caller-identity",
  "DataAwsCallerIdentity",
);
export const DataAwsElbServiceAccount = lazy<
  typeof import("@cdktf/provider-aws/lib/data-aws-elb-service-account"),
  "DataAwsElbServiceAccount"
>("@cdktf/provider-aws/lib/data-aws-elb-service-account", "DataAwsElbServiceAccount");
export const Wafv2WebAcl = lazy<typeof import("@cdktf/provider-aws/lib/wafv2-web-acl"), "Wafv2WebAcl">(
  "@cdktf/provider-aws/lib/wafv2-web-acl",
  "Wafv2WebAcl",
);
export const Wafv2WebAclAssociation = lazy<typeof import("@cdktf/provider-aws/lib/wafv2-web-acl-association"), "Wafv2WebAclAssociation">(
  "@cdktf/provider-aws/lib/wafv2-web-acl-association",
  "Wafv2WebAclAssociation",
);
export const DefaultSecurityGroup = lazy<typeof import("@cdktf/provider-aws/lib/default-security-group"), "DefaultSecurityGroup">(
  "@cdktf/provider-aws/lib/default-security-group",
  "DefaultSecurityGroup",
);
export const FlowLog = lazy<typeof import("@cdktf/provider-aws/lib/flow-log"), "FlowLog">("@cdktf/provider-aws/lib/flow-log", "FlowLog");
export const DataAwsVpc = lazy<typeof import("@cdktf/provider-aws/lib/data-aws-vpc"), "DataAwsVpc">(
  "@cdktf/provider-aws/lib/data-aws-vpc",
  "DataAwsVpc",
);
export const DataAwsEcsCluster = lazy<typeof import("@cdktf/provider-aws/lib/data-aws-ecs-cluster"), "DataAwsEcsCluster">(
  "@cdktf/provider-aws/lib/data-aws-ecs-cluster",
  "DataAwsEcsCluster",
);
export const DataAwsLbListener = lazy<typeof import("@cdktf/provider-aws/lib/data-aws-lb-listener"), "DataAwsLbListener">(
  "@cdktf/provider-aws/lib/data-aws-lb-listener",
  "DataAwsLbListener",
);
export const DataAwsLb = lazy<typeof import("@cdktf/provider-aws/lib/data-aws-lb"), "DataAwsLb">(
  "@cdktf/provider-aws/lib/data-aws-lb",
  "DataAwsLb",
);
