/**
 * A default AWS quota that an account can have raised (Service Quotas): exceeding it fails the
 * apply until it is, so it is worth a warning, not a refusal.
 */
export interface AdjustableQuota {
  readonly resourceType: string;
  /** What the quota counts, as AWS's Service Quotas console names it. */
  readonly name: string;
  readonly code: string;
  readonly perRegion: number;
  /** What to do here, short of asking AWS for more. */
  readonly remedy: string;
}

/** Quotas per account and region that environments of this project can reach together. */
export const ADJUSTABLE_QUOTAS: readonly AdjustableQuota[] = [
  {
    resourceType: "aws_eip",
    name: "EC2-VPC Elastic IPs",
    code: "L-0263D0A3",
    perRegion: 5,
    remedy: 'set natGateways to "single" (one elastic IP) or "none"',
  },
  {
    resourceType: "aws_vpc",
    name: "VPCs per Region",
    code: "L-F678F1CE",
    perRegion: 5,
    remedy: "spread the environments over regions or accounts",
  },
  {
    resourceType: "aws_lb",
    name: "Application Load Balancers per Region",
    code: "L-53DA6B97",
    perRegion: 50,
    remedy: "spread the environments over regions or accounts",
  },
];
