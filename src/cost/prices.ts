// AWS's public on-demand prices, in US dollars, for the regions this project's environments use.
// One dated table: a test fails once it is a year old. Sources (each figure is read from the
// page named beside it, for the region, Linux, no free tier):
//   NAT gateway and public IPv4: https://aws.amazon.com/vpc/pricing/
//   Application Load Balancer:   https://aws.amazon.com/elasticloadbalancing/pricing/
//   Fargate (x86, ARM, Spot):    https://aws.amazon.com/fargate/pricing/
//   CloudWatch Logs, metrics, alarms: https://aws.amazon.com/cloudwatch/pricing/
//   SNS:                         https://aws.amazon.com/sns/pricing/
//   WAF:                         https://aws.amazon.com/waf/pricing/
//   Route 53 hosted zones:       https://aws.amazon.com/route53/pricing/
//   KMS keys:                    https://aws.amazon.com/kms/pricing/
//   S3 Standard storage:         https://aws.amazon.com/s3/pricing/
//   SQS standard requests:       https://aws.amazon.com/sqs/pricing/
//   EventBridge Scheduler:       https://aws.amazon.com/eventbridge/pricing/
//   Step Functions (standard):   https://aws.amazon.com/step-functions/pricing/ (the same in the three regions)
//   Cloud Map registered instances: https://aws.amazon.com/cloud-map/pricing/

/** The day the figures were read. */
export const PRICES_AS_OF = "2026-11-01";

/** Hours in a month, as AWS's pricing calculator counts them. */
export const HOURS_PER_MONTH = 730;

/** What one region charges, per unit. */
export interface RegionPrices {
  readonly natGatewayHour: number;
  readonly natGatewayGb: number;
  readonly publicIpv4Hour: number;
  readonly albHour: number;
  readonly albLcuHour: number;
  readonly fargateVcpuHour: number;
  readonly fargateGbHour: number;
  readonly fargateArmVcpuHour: number;
  readonly fargateArmGbHour: number;
  /** Fargate Spot's price as a share of on-demand (Spot prices move; AWS quotes "up to 70 % off"). */
  readonly fargateSpotShare: number;
  readonly logsIngestGb: number;
  /** Vended logs (VPC flow logs) delivered to CloudWatch Logs, first tier. */
  readonly vendedLogsIngestGb: number;
  readonly logsStorageGbMonth: number;
  /** A custom metric (what Container Insights writes), first tier. */
  readonly metricMonth: number;
  /** A standard-resolution metric alarm (one metric, percentiles included). */
  readonly metricAlarmMonth: number;
  /** SNS deliveries to e-mail beyond the 1,000 a month free, per 100,000. */
  readonly snsEmail100k: number;
  readonly wafWebAclMonth: number;
  readonly wafRuleMonth: number;
  readonly wafMillionRequests: number;
  readonly hostedZoneMonth: number;
  readonly kmsKeyMonth: number;
  readonly s3GbMonth: number;
  /** SQS standard queue requests (each 64 KB of a message a request), per million; the first million a month are free. */
  readonly sqsMillionRequests: number;
  /** EventBridge Scheduler invocations, per million; the first 14 million a month are free. */
  readonly schedulerMillionInvocations: number;
  /** Step Functions standard workflows' state transitions, per 1,000; the first 4,000 a month are free. */
  readonly stepFunctionsThousandTransitions: number;
  /** A resource registered in Cloud Map (what Service Connect registers for each task of a service it publishes). */
  readonly cloudMapInstanceMonth: number;
}

const COMMON = {
  publicIpv4Hour: 0.005,
  fargateSpotShare: 0.3,
  metricMonth: 0.3,
  metricAlarmMonth: 0.1,
  snsEmail100k: 2,
  wafWebAclMonth: 5,
  wafRuleMonth: 1,
  wafMillionRequests: 0.6,
  hostedZoneMonth: 0.5,
  kmsKeyMonth: 1,
  sqsMillionRequests: 0.4,
  schedulerMillionInvocations: 1,
  stepFunctionsThousandTransitions: 0.025,
  cloudMapInstanceMonth: 0.1,
} as const;

export const PRICES: Readonly<Record<string, RegionPrices>> = {
  "ap-northeast-1": {
    ...COMMON,
    natGatewayHour: 0.062,
    natGatewayGb: 0.062,
    albHour: 0.0243,
    albLcuHour: 0.008,
    fargateVcpuHour: 0.05056,
    fargateGbHour: 0.00553,
    fargateArmVcpuHour: 0.04045,
    fargateArmGbHour: 0.00442,
    logsIngestGb: 0.76,
    vendedLogsIngestGb: 0.76,
    logsStorageGbMonth: 0.033,
    s3GbMonth: 0.025,
  },
  "eu-west-1": {
    ...COMMON,
    natGatewayHour: 0.048,
    natGatewayGb: 0.048,
    albHour: 0.0252,
    albLcuHour: 0.008,
    fargateVcpuHour: 0.04048,
    fargateGbHour: 0.004445,
    fargateArmVcpuHour: 0.03238,
    fargateArmGbHour: 0.00356,
    logsIngestGb: 0.57,
    vendedLogsIngestGb: 0.57,
    logsStorageGbMonth: 0.03,
    s3GbMonth: 0.023,
  },
  "us-east-1": {
    ...COMMON,
    natGatewayHour: 0.045,
    natGatewayGb: 0.045,
    albHour: 0.0225,
    albLcuHour: 0.008,
    fargateVcpuHour: 0.04048,
    fargateGbHour: 0.004445,
    fargateArmVcpuHour: 0.03238,
    fargateArmGbHour: 0.00356,
    logsIngestGb: 0.5,
    vendedLogsIngestGb: 0.5,
    logsStorageGbMonth: 0.03,
    s3GbMonth: 0.023,
  },
};
