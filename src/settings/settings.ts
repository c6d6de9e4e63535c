// The settings of a service, written once: these interfaces are the props of FargateWebService and
// WebServiceStack, their TSDoc is what editors show, and `npm run schema` generates from them the
// JSON Schema (config/settings.schema.json) that validates environment files and props alike and
// the settings table in the README. Constraints that fit a schema are tags here; the rest (CIDR
// arithmetic, AWS naming rules, Fargate sizes) are the rules of rules/, one per file.

/** Where the tasks' traffic to the internet (image pulls) goes out. */
export type NatGatewayMode = "per-az" | "single" | "none";

/** Who may reach the tasks' container port. */
export type ServiceIngress = "vpc-cidr" | "alb-security-group";

/** Fargate task CPU units. */
export type FargateCpu = 256 | 512 | 1024 | 2048 | 4096 | 8192 | 16384;

/** The target group's health check; unset fields keep AWS's defaults, as in the tutorial. */
export interface HealthCheckSettings {
  /**
   * Path the load balancer requests.
   * @default "/"
   * @maxLength 1024
   * @pattern ^/
   * @patternErrorMessage must start with /
   */
  readonly path?: string;
  /**
   * Port the load balancer probes.
   * @default - the container port
   * @asType integer
   * @minimum 1
   * @maximum 65535
   */
  readonly port?: number;
  /**
   * Seconds between two probes of a target.
   * @default 30
   * @asType integer
   * @minimum 5
   * @maximum 300
   */
  readonly intervalSeconds?: number;
  /**
   * Seconds without an answer that fail a probe; less than the interval.
   * @default 5
   * @asType integer
   * @minimum 2
   * @maximum 120
   */
  readonly timeoutSeconds?: number;
  /**
   * Consecutive successes before a target counts as healthy.
   * @default 5
   * @asType integer
   * @minimum 2
   * @maximum 10
   */
  readonly healthyThreshold?: number;
  /**
   * Consecutive failures before a target counts as unhealthy.
   * @default 2
   * @asType integer
   * @minimum 2
   * @maximum 10
   */
  readonly unhealthyThreshold?: number;
  /**
   * HTTP codes that count as healthy: `200`, a range `200-299`, or a list `200,301`.
   * @default "200"
   * @pattern ^\d{3}(-\d{3})?(,\d{3}(-\d{3})?)*$
   * @patternErrorMessage must be HTTP codes such as 200, 200-299 or 200,301
   */
  readonly matcher?: string;
}

/** The listener rule that forwards to the service. */
export interface ListenerRuleSettings {
  /**
   * Request paths forwarded to the service (`*` and `?` are wildcards); AWS takes at most 3 per condition.
   * @default ["*"]
   * @minItems 1
   * @maxItems 3
   */
  readonly pathPatterns?: string[];
  /**
   * Rule priority on the listener, lowest first.
   * @default - the next free priority, chosen by AWS
   * @asType integer
   * @minimum 1
   * @maximum 50000
   */
  readonly priority?: number;
}

/** Terraform's S3 backend, with S3-native state locking. */
export interface S3BackendSettings {
  /**
   * Bucket holding the state; it must exist before the first `terraform init`.
   * @pattern ^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$
   * @patternErrorMessage must be an S3 bucket name: 3-63 lowercase letters, digits, dots and hyphens, starting and ending with a letter or digit
   */
  readonly bucket: string;
  /**
   * Object key of the state, such as `production/terraform.tfstate`.
   * @minLength 1
   */
  readonly key: string;
  /**
   * Region of the bucket.
   * @pattern ^[a-z]{2}(-[a-z]+)+-\d+$
   * @patternErrorMessage must be an AWS region such as ap-northeast-1
   */
  readonly region: string;
  /**
   * Lock the state with a `.tflock` object beside it (S3-native locking, Terraform >= 1.10).
   * @default true
   */
  readonly useLockfile?: boolean;
}

/** Where Terraform keeps the state. */
export interface BackendSettings {
  /** Keep the state in S3. */
  readonly s3: S3BackendSettings;
}

/** Settings of one service: a VPC, a load balancer and a Fargate service behind it. */
export interface FargateWebServiceProps {
  /**
   * Prefix of every AWS name (load balancer, target group, cluster, service, task family, security groups, Name tags).
   * @default "handson"
   */
  readonly name?: string;
  /**
   * Prefix of the Terraform addresses (`api` gives `aws_vpc.api_main`), so that several services fit in one stack.
   * @default - none: the tutorial's addresses (`aws_vpc.main`)
   * @pattern ^[a-z][a-z0-9_]*$
   * @patternErrorMessage must be lowercase letters, digits and underscores, starting with a letter
   */
  readonly addressPrefix?: string;
  /**
   * IPv4 CIDR block of the VPC, /16 to /28.
   * @default "10.0.0.0/16"
   */
  readonly vpcCidr?: string;
  /**
   * Availability zones of the stack's region; an ALB needs at least two.
   * @default ["ap-northeast-1a", "ap-northeast-1c", "ap-northeast-1d"]
   * @minItems 2
   * @uniqueItems true
   */
  readonly azs?: string[];
  /**
   * CIDR of each zone's public subnet (load balancer, NAT gateways), in the order of `azs`.
   * @default ["10.0.1.0/24", "10.0.2.0/24", "10.0.3.0/24"]
   */
  readonly publicSubnetCidrs?: string[];
  /**
   * CIDR of each zone's private subnet (tasks), in the order of `azs`.
   * @default ["10.0.10.0/24", "10.0.20.0/24", "10.0.30.0/24"]
   */
  readonly privateSubnetCidrs?: string[];
  /**
   * NAT gateways: one per zone, a `single` shared one, or `none` (tasks then run in the public subnets with a public IP).
   * @default "per-az"
   */
  readonly natGateways?: NatGatewayMode;
  /**
   * Container image, such as `nginx:1.14` or `123456789012.dkr.ecr.ap-northeast-1.amazonaws.com/app:1.0`.
   * @default "nginx:1.14"
   */
  readonly image?: string;
  /**
   * Name of the container in the task definition.
   * @default "nginx"
   * @pattern ^[a-zA-Z0-9_-]{1,255}$
   * @patternErrorMessage must be 1-255 letters, digits, hyphens and underscores
   */
  readonly containerName?: string;
  /**
   * Port the container listens on; the target group forwards to it.
   * @default 80
   * @asType integer
   * @minimum 1
   * @maximum 65535
   */
  readonly containerPort?: number;
  /**
   * Task CPU units (1024 = one vCPU).
   * @default 256
   */
  readonly cpu?: FargateCpu;
  /**
   * Task memory in MiB; Fargate allows only certain amounts for each `cpu`.
   * @default 512
   * @asType integer
   * @minimum 512
   */
  readonly memory?: number;
  /**
   * Number of tasks to keep running.
   * @default 1
   * @asType integer
   * @minimum 0
   */
  readonly desiredCount?: number;
  /**
   * Environment variables of the container.
   * @default {}
   */
  readonly environment?: Record<string, string>;
  /**
   * Health check of the target group.
   * @default {"path": "/"}
   */
  readonly healthCheck?: HealthCheckSettings;
  /**
   * Listener rule that forwards to the service.
   * @default {"pathPatterns": ["*"]}
   */
  readonly listenerRule?: ListenerRuleSettings;
  /**
   * Who may reach the container port: the whole VPC (`vpc-cidr`, as in the tutorial) or only the load balancer.
   * @default "vpc-cidr"
   */
  readonly serviceIngress?: ServiceIngress;
  /**
   * Tags added to every taggable resource (each keeps its own Name tag).
   * @default {}
   */
  readonly tags?: Record<string, string>;
}

/** Settings of a stack: one service, with the AWS region and the state backend. */
export interface EnvironmentSettings extends FargateWebServiceProps {
  /**
   * AWS region of the stack.
   * @default "ap-northeast-1"
   * @pattern ^[a-z]{2}(-[a-z]+)+-\d+$
   * @patternErrorMessage must be an AWS region such as ap-northeast-1
   */
  readonly region?: string;
  /**
   * The AWS account the stack deploys to: Terraform then refuses credentials of any other, and environments in different accounts may use the same names.
   * @default - whichever account the credentials belong to
   * @pattern ^\d{12}$
   * @patternErrorMessage must be a 12-digit AWS account ID, such as "123456789012" (a string: JSON numbers lose leading zeros)
   */
  readonly account?: string;
  /**
   * Where Terraform keeps the state.
   * @default - a local file, terraform.<stack>.tfstate in the project folder
   */
  readonly backend?: BackendSettings;
}

/** An environment file, `config/<env>.json`. */
export interface EnvironmentFile extends EnvironmentSettings {
  /**
   * The JSON Schema of this file, for editors.
   * @default - none
   */
  readonly $schema?: string;
}
