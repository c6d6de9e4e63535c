/**
 * The regions where Elastic Load Balancing writes access logs as a regional AWS account of its own:
 * those opened before August 2022. They are the keys of the AWS provider's map (v5.100.0,
 * internal/service/elb/service_account_data_source.go), outside of which
 * `data.aws_elb_service_account` fails the plan with "unsupported AWS Region". In every region
 * opened since (eu-central-2, eu-south-2, ap-south-2, ap-southeast-4/5/7, ca-west-1, il-central-1,
 * me-central-1, mx-central-1, …) ELB writes as the service principal
 * `logdelivery.elasticloadbalancing.amazonaws.com` (AWS, "Enable access logs for your Application
 * Load Balancer", step 2: the bucket policy for "Regions available as of August 2022 or later").
 */
export const ELB_ACCOUNT_REGIONS: readonly string[] = [
  "af-south-1",
  "ap-east-1",
  "ap-northeast-1",
  "ap-northeast-2",
  "ap-northeast-3",
  "ap-south-1",
  "ap-southeast-1",
  "ap-southeast-2",
  "ap-southeast-3",
  "ca-central-1",
  "cn-north-1",
  "cn-northwest-1",
  "eu-central-1",
  "eu-north-1",
  "eu-south-1",
  "eu-west-1",
  "eu-west-2",
  "eu-west-3",
  "me-south-1",
  "sa-east-1",
  "us-east-1",
  "us-east-2",
  "us-gov-east-1",
  "us-gov-west-1",
  "us-west-1",
  "us-west-2",
];

/** The service principal ELB writes access logs as, in every region opened since August 2022. */
export const ELB_LOG_DELIVERY_SERVICE = "logdelivery.elasticloadbalancing.amazonaws.com";

/**
 * Whether the region's ELB writes access logs as its regional account. A region not known at
 * synth is taken to be one of them, as 26 regions are: the plan then says so in a newer one.
 */
export function elbWritesAsRegionalAccount(region: string | undefined): boolean {
  return region === undefined || ELB_ACCOUNT_REGIONS.includes(region);
}
