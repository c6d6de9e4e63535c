/**
 * Every value of the tutorial (its VPC, ALB, ECS and HTTPS chapters), in one place: the defaults of every
 * setting, so that a service with no settings is the tutorial's `handson` stack.
 */
export const TUTORIAL = {
  name: "handson",
  region: "ap-northeast-1",
  vpcCidr: "10.0.0.0/16",
  azs: ["ap-northeast-1a", "ap-northeast-1c", "ap-northeast-1d"],
  publicSubnetCidrs: ["10.0.1.0/24", "10.0.2.0/24", "10.0.3.0/24"],
  privateSubnetCidrs: ["10.0.10.0/24", "10.0.20.0/24", "10.0.30.0/24"],
  natGateways: "per-az",
  image: "nginx:1.14",
  containerName: "nginx",
  containerPort: 80,
  cpu: 256,
  memory: 512,
  desiredCount: 1,
  environment: {},
  healthCheckPath: "/",
  pathPatterns: ["*"],
  serviceIngress: "vpc-cidr",
  tags: {},
  useLockfile: true,
  /** The HTTPS chapter's rule that redirects the domain's plain HTTP. */
  httpsRedirectPriority: 99,
} as const;
