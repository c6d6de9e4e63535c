// The settings of a service, written once: these interfaces are the props of FargateWebService and
// WebServiceStack, their TSDoc is what editors show, and `npm run schema` generates from them the
// JSON Schema (config/settings.schema.json) that validates environment files and props alike and
// the settings table in the README. Constraints that fit a schema are tags here; the rest (CIDR
// arithmetic, AWS naming rules, Fargate sizes) are the rules of rules/, one per file.
//
// Every setting has two defaults: `@default`, the tutorial's (what applies unless `defaults` is
// "recommended"; a feature the tutorial lacks is off), and `@recommended`, the safe choice where
// it costs nothing. A setting without `@recommended` has the same default in both.

/** Which defaults apply to the settings left unset. */
export type DefaultsMode = "tutorial" | "recommended";

/** CloudWatch Logs retention in days; 0 keeps the logs forever. */
export type LogRetentionDays =
  | 0
  | 1
  | 3
  | 5
  | 7
  | 14
  | 30
  | 60
  | 90
  | 120
  | 150
  | 180
  | 365
  | 400
  | 545
  | 731
  | 1096
  | 1827
  | 2192
  | 2557
  | 2922
  | 3288
  | 3653;

/** Container Insights on the cluster: CloudWatch metrics per task and service, `enhanced` per container too. */
export type ContainerInsights = "enabled" | "enhanced" | "disabled";

/** The CPU architecture the tasks run on; ARM64 (Graviton) costs about 20 % less. */
export type CpuArchitecture = "X86_64" | "ARM64";

/** What requests that match no listener rule get. */
export type UnmatchedRequests = "ok" | "not-found";

/** The hands-on's chapters, in the order a reader applies them. */
export type TutorialChapter = "vpc" | "alb" | "ecs";

/** HTTPS on the service's own domain: the tutorial's HTTPS chapter, and more. */
export interface HttpsSettings {
  /**
   * The domain the service answers on, such as `example.com` or `api.example.com`; its certificate is validated through DNS in its Route 53 hosted zone.
   * @maxLength 64
   */
  readonly domain: string;
  /**
   * More names on the certificate, each with its own DNS record to the load balancer, in the same hosted zone (`www.example.com`, `*.example.com`).
   * @default []
   * @uniqueItems true
   */
  readonly aliases?: string[];
  /**
   * The public hosted zone the domain is in, by name (`example.com`) or ID (`Z…`).
   * @default - the domain itself
   */
  readonly hostedZone?: string;
  /**
   * TLS policy of the HTTPS listener.
   * @default - ELB's default, ELBSecurityPolicy-2016-08 (not written)
   * @recommended "ELBSecurityPolicy-TLS13-1-2-Res-PQ-2025-09"
   */
  readonly tlsPolicy?: string;
  /**
   * Redirect every plain-HTTP request to HTTPS (301), whatever its host; the service's rule then moves to the HTTPS listener. The tutorial redirects only the domain, with a listener rule of priority 99.
   * @default false
   * @recommended true
   */
  readonly redirectHttp?: boolean;
}

/** The load balancer's protection beyond the tutorial. */
export interface LoadBalancerSettings {
  /**
   * Drop request headers that are not valid HTTP, which request smuggling relies on.
   * @default false
   * @recommended true
   */
  readonly dropInvalidHeaderFields?: boolean;
  /**
   * Refuse to delete the load balancer; to destroy on purpose, set it false and apply first.
   * @default false
   * @recommended true
   */
  readonly deletionProtection?: boolean;
  /**
   * Write access logs to an S3 bucket the stack creates: encrypted, public access blocked, expiring.
   * @default false
   * @recommended true
   */
  readonly accessLogs?: boolean;
  /**
   * Days the access logs are kept.
   * @default 90
   * @asType integer
   * @minimum 1
   * @maximum 3650
   */
  readonly accessLogsRetentionDays?: number;
  /**
   * Put an AWS WAF web ACL with AWS's managed common rule set in front of the load balancer (billed per month and per request).
   * @default false
   */
  readonly waf?: boolean;
  /**
   * What requests that match no rule get: the tutorial's 200 "ok", or 404, which does not hide a misrouted request.
   * @default "ok"
   * @recommended "not-found"
   */
  readonly unmatchedRequests?: UnmatchedRequests;
  /**
   * Where the load balancer may send traffic: anywhere (the tutorial's egress rule), or only into the VPC, where its targets are.
   * @default "anywhere"
   * @recommended "vpc"
   */
  readonly egress?: LoadBalancerEgress;
}

/** Where a load balancer's security group lets it send traffic. */
export type LoadBalancerEgress = "anywhere" | "vpc";

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
   * @default - `["*"]`, or none when `hostHeaders` are given
   * @minItems 1
   * @maxItems 3
   */
  readonly pathPatterns?: string[];
  /**
   * Host names forwarded to the service (`api.example.com`, `*.example.com`), besides the paths; AWS takes at most 3 per condition.
   * @default - any host
   * @minItems 1
   * @maxItems 3
   */
  readonly hostHeaders?: string[];
  /**
   * Rule priority on the listener, lowest first; required when the environment has more than one service, each its own.
   * @default - the next free priority, chosen by AWS
   * @asType integer
   * @minimum 1
   * @maximum 50000
   */
  readonly priority?: number;
}

/** The container's logs. */
export interface LogSettings {
  /**
   * Send the container's output to a CloudWatch log group of its own, `/ecs/<name>` (the awslogs driver).
   * @default false
   * @recommended true
   */
  readonly enabled?: boolean;
  /**
   * Days CloudWatch keeps the logs; 0 keeps them forever (CloudWatch's and Terraform's default), which is rarely meant.
   * @default 30
   */
  readonly retentionDays?: LogRetentionDays;
}

/** How a new version of the service replaces the running tasks, and how tasks stop. */
export interface DeploymentSettings {
  /**
   * Stop a deployment whose tasks never become healthy and roll back to the last working one (the deployment circuit breaker); without it, ECS replaces healthy tasks with failing ones forever.
   * @default false
   * @recommended true
   */
  readonly circuitBreaker?: boolean;
  /**
   * Share of `desiredCount` that must stay running and healthy during a deployment, in percent.
   * @default - ECS's, 100 (not written)
   * @recommended 100
   * @asType integer
   * @minimum 0
   * @maximum 100
   */
  readonly minimumHealthyPercent?: number;
  /**
   * Share of `desiredCount` that may run during a deployment, old and new tasks together, in percent.
   * @default - ECS's, 200 (not written)
   * @recommended 200
   * @asType integer
   * @minimum 100
   * @maximum 2147483647
   */
  readonly maximumPercent?: number;
  /**
   * Seconds after a task starts during which ECS ignores failing load balancer health checks, so that a slow start is not killed.
   * @default - none (not written)
   * @recommended 60
   * @asType integer
   * @minimum 0
   * @maximum 2147483647
   */
  readonly healthCheckGracePeriodSeconds?: number;
  /**
   * Seconds the load balancer keeps sending in-flight requests to a stopping task before ECS stops it (connection draining); AWS's 300 makes every deployment wait five minutes.
   * @default - the target group's, 300 (not written)
   * @recommended 30
   * @asType integer
   * @minimum 0
   * @maximum 3600
   */
  readonly deregistrationDelaySeconds?: number;
  /**
   * Seconds a container has after SIGTERM to finish before it is killed (Fargate's range).
   * @default - ECS's, 30 (not written)
   * @asType integer
   * @minimum 2
   * @maximum 120
   */
  readonly stopTimeoutSeconds?: number;
  /**
   * Make `apply` wait until the service is stable, so that a deployment that never becomes healthy fails the apply instead of ending in "Apply complete", and a target group replaced new-first (the new one created before the old one goes) is deleted only once the tasks have moved off it (deleted sooner, it leaves the rollout stalled for good).
   * @default - true when the stack is written for changes on a live stack (`safeChanges`), false for the tutorial as written
   */
  readonly waitForSteadyState?: boolean;
}

/** Target tracking autoscaling of the task count; at least one target. */
export interface AutoscalingSettings {
  /**
   * Fewest tasks.
   * @asType integer
   * @minimum 0
   */
  readonly minCount: number;
  /**
   * Most tasks.
   * @asType integer
   * @minimum 1
   */
  readonly maxCount: number;
  /**
   * Average CPU use of the service to keep, in percent.
   * @default - no CPU target
   * @asType integer
   * @minimum 1
   * @maximum 100
   */
  readonly cpuTargetPercent?: number;
  /**
   * Average memory use of the service to keep, in percent.
   * @default - no memory target
   * @asType integer
   * @minimum 1
   * @maximum 100
   */
  readonly memoryTargetPercent?: number;
  /**
   * Requests per task per minute, counted by the load balancer, to keep.
   * @default - no request target
   * @asType integer
   * @minimum 1
   */
  readonly requestsPerTarget?: number;
  /**
   * A worker's messages waiting in its queue per running task to keep (the backlog per task AWS recommends scaling queue workers on); needs Container Insights, which counts the running tasks.
   * @default - no backlog target
   * @asType integer
   * @minimum 1
   */
  readonly messagesPerTask?: number;
  /**
   * Seconds after a scale-in before the next one.
   * @default 300
   * @asType integer
   * @minimum 0
   * @maximum 86400
   */
  readonly scaleInCooldownSeconds?: number;
  /**
   * Seconds after a scale-out before the next one.
   * @default 60
   * @asType integer
   * @minimum 0
   * @maximum 86400
   */
  readonly scaleOutCooldownSeconds?: number;
}

/** What the tasks run on. */
export interface CapacitySettings {
  /**
   * CPU architecture of the tasks; the image must be built for it.
   * @default - X86_64 (not written)
   */
  readonly cpuArchitecture?: CpuArchitecture;
  /**
   * Share of the tasks beyond `onDemandBase` that run on Fargate Spot (up to 70 % cheaper, reclaimed with two minutes' notice), in percent.
   * @default 0
   * @asType integer
   * @minimum 0
   * @maximum 100
   */
  readonly spotPercent?: number;
  /**
   * Run the service on the cluster's capacity providers (Fargate, and Fargate Spot for `spotPercent`) instead of the FARGATE launch type even without Spot, each change a new deployment: turning Spot on or off, or changing its share, then rolls the tasks over in place, where the AWS provider otherwise replaces the whole service (an outage). Not on a cluster the stack does not own, whose capacity providers are not its to set.
   * @default false
   * @recommended true
   */
  readonly useCapacityProviders?: boolean;
  /**
   * Tasks that always run on regular (on-demand) Fargate when Spot is used, so that a Spot reclaim never takes the whole service down.
   * @default 1
   * @asType integer
   * @minimum 0
   * @maximum 100000
   */
  readonly onDemandBase?: number;
}

/** One statement of an IAM policy. */
export interface PolicyStatementSettings {
  /**
   * Whether the statement allows or denies.
   * @default "Allow"
   */
  readonly effect?: "Allow" | "Deny";
  /**
   * Actions, such as `s3:GetObject` (`*` and `?` are wildcards).
   * @minItems 1
   */
  readonly actions: string[];
  /**
   * ARNs of the resources the actions apply to, or `*`.
   * @minItems 1
   */
  readonly resources: string[];
  /**
   * Conditions, as in a policy document: `{ "StringEquals": { "aws:ResourceTag/team": ["payments"] } }`.
   * @default {}
   */
  readonly conditions?: Record<string, Record<string, string[]>>;
}

/** A health check Docker runs inside the container (the image must hold what the command uses). */
export interface ContainerHealthCheckSettings {
  /**
   * The command, as ECS takes it: `["CMD-SHELL", "curl -f http://localhost/ || exit 1"]` or `["CMD", …]`.
   * @minItems 2
   */
  readonly command: string[];
  /**
   * Seconds between two checks.
   * @default 30
   * @asType integer
   * @minimum 5
   * @maximum 300
   */
  readonly intervalSeconds?: number;
  /**
   * Seconds a check may take before it counts as failed.
   * @default 5
   * @asType integer
   * @minimum 2
   * @maximum 60
   */
  readonly timeoutSeconds?: number;
  /**
   * Failed checks in a row before the container counts as unhealthy.
   * @default 3
   * @asType integer
   * @minimum 1
   * @maximum 10
   */
  readonly retries?: number;
  /**
   * Seconds after start during which failed checks do not count.
   * @default 0
   * @asType integer
   * @minimum 0
   * @maximum 300
   */
  readonly startPeriodSeconds?: number;
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

/** Who deploys a new image of a service: `terraform apply` with the file's, or `npm run release`. */
export type ImageDeployment = "apply" | "release";

/** A service's CloudWatch alarms; thresholds are per minute, over `evaluationMinutes` in a row. */
export interface AlarmSettings {
  /**
   * Create the alarms.
   * @default false
   * @recommended true
   */
  readonly enabled?: boolean;
  /**
   * 5xx answers of the service's tasks per minute (HTTPCode_Target_5XX_Count) that raise the alarm.
   * @default 10
   * @asType integer
   * @minimum 1
   * @maximum 1000000
   */
  readonly targetErrorsPerMinute?: number;
  /**
   * The 95th percentile of the tasks' response time, in seconds (TargetResponseTime p95), that raises the alarm.
   * @default 2
   * @minimum 0.01
   * @maximum 60
   */
  readonly responseTimeSeconds?: number;
  /**
   * Targets failing the load balancer's health check (UnHealthyHostCount) that raise the alarm.
   * @default 1
   * @asType integer
   * @minimum 1
   * @maximum 1000
   */
  readonly unhealthyTargets?: number;
  /**
   * Minutes in a row a threshold must be crossed before the alarm goes off.
   * @default 3
   * @asType integer
   * @minimum 1
   * @maximum 60
   */
  readonly evaluationMinutes?: number;
  /**
   * Roll back a deployment during which an alarm goes off, even when its tasks pass their health checks.
   * @default true
   */
  readonly rollbackDeployments?: boolean;
}

/** Who hears of failed deployments and of alarms: subscribers of the environment's SNS topic. */
export interface NotificationSettings {
  /**
   * E-mail addresses to notify; each receives a mail from AWS to confirm the subscription first.
   * @default []
   * @uniqueItems true
   */
  readonly emails?: EmailAddress[];
  /**
   * HTTPS endpoints to notify, such as a relay into a chat tool; each must confirm the subscription (SNS posts a SubscribeURL to it).
   * @default []
   * @uniqueItems true
   */
  readonly httpsEndpoints?: HttpsUrl[];
}

/**
 * An e-mail address.
 * @pattern ^[^@\s]+@[^@\s]+\.[^@\s]+$
 * @patternErrorMessage must be an e-mail address such as ops@example.com
 */
export type EmailAddress = string;

/**
 * An HTTPS URL.
 * @pattern ^https://[^\s/]+(/\S*)?$
 * @patternErrorMessage must be an https:// URL
 */
export type HttpsUrl = string;

/** IAM roles that GitHub Actions workflows of one repository assume through OIDC, with no stored keys. */
export interface GithubDeployRolesSettings {
  /**
   * The repository, `owner/name`.
   * @pattern ^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$
   * @patternErrorMessage must be a GitHub repository as owner/name, such as example-shop/orders-api
   */
  readonly repository: string;
  /**
   * The GitHub environment the infrastructure job runs in, with its required reviewers: only it may assume the infrastructure role.
   * @default "infrastructure"
   * @pattern ^[A-Za-z0-9_.-]{1,255}$
   * @patternErrorMessage must be a GitHub environment name: letters, digits, _ . -
   */
  readonly infrastructureEnvironment?: string;
  /**
   * The branch whose workflows may assume the release role.
   * @default "main"
   * @pattern ^[A-Za-z0-9_./-]{1,255}$
   * @patternErrorMessage must be a branch name such as main
   */
  readonly releaseBranch?: string;
  /**
   * ARN of the account's GitHub OIDC provider, when it exists already (an account has one per URL).
   * @default - the stack creates it
   * @pattern ^arn:aws[a-z-]*:iam::\d{12}:oidc-provider/token\.actions\.githubusercontent\.com$
   * @patternErrorMessage must be the ARN of the token.actions.githubusercontent.com OIDC provider
   */
  readonly oidcProviderArn?: string;
}

/** What a service is: behind the load balancer, called by the platform's other services, consuming a queue, or run on a schedule. */
export type ServiceKind = "web" | "internal" | "worker" | "job";

/** How the platform's other services call an internal service, through ECS Service Connect. */
export interface ServiceConnectSettings {
  /**
   * The short name callers use, `http://<name>:<port>`.
   * @default - the service's id in `services`
   * @pattern ^[a-z0-9]([a-z0-9-]{0,62}[a-z0-9])?$
   * @patternErrorMessage must be 1-64 lowercase letters, digits and hyphens, starting and ending with a letter or digit
   */
  readonly name?: string;
  /**
   * The port callers use.
   * @default - the container port
   * @asType integer
   * @minimum 1
   * @maximum 65535
   */
  readonly port?: number;
}

/** The queue a worker consumes, with its dead-letter queue. */
export interface QueueSettings {
  /**
   * Seconds a received message stays hidden from other receivers; longer than the worker takes for one.
   * @default 60
   * @asType integer
   * @minimum 0
   * @maximum 43200
   */
  readonly visibilityTimeoutSeconds?: number;
  /**
   * Receives of a message before it moves to the dead-letter queue.
   * @default 5
   * @asType integer
   * @minimum 1
   * @maximum 1000
   */
  readonly maxReceiveCount?: number;
  /**
   * Days a message is kept in the queue; the dead-letter queue keeps its messages 14 days.
   * @default 4
   * @asType integer
   * @minimum 1
   * @maximum 14
   */
  readonly retentionDays?: number;
  /**
   * ARNs of SNS topics whose messages the queue receives (a subscription each, and a queue policy admitting exactly those topics).
   * @default []
   */
  readonly subscribeTo?: SnsTopicArn[];
}

/**
 * The ARN of an SNS topic.
 * @pattern ^arn:aws[a-z-]*:sns:[a-z0-9-]+:\d{12}:[A-Za-z0-9_-]{1,256}(\.fifo)?$
 * @patternErrorMessage must be an SNS topic ARN such as arn:aws:sns:ap-northeast-1:123456789012:orders
 */
export type SnsTopicArn = string;

/** When a job runs, and how long and how often it may try. */
export interface ScheduleSettings {
  /**
   * When the job runs, as EventBridge Scheduler writes it: `cron(minutes hours day-of-month month day-of-week year)` or `rate(<n> minutes|hours|days)`.
   * @pattern ^(cron\(\S+ \S+ \S+ \S+ \S+ \S+\)|rate\([1-9][0-9]* (minute|minutes|hour|hours|day|days)\))$
   * @patternErrorMessage must be cron(...) with six fields or rate(<n> minutes|hours|days), as EventBridge Scheduler takes them
   */
  readonly expression: string;
  /** The time zone of the cron expression, an IANA name such as `Asia/Tokyo` or `UTC`. */
  readonly timezone: string;
  /**
   * Attempts after a run that failed (its container exited non-zero, or it could not start).
   * @default 2
   * @asType integer
   * @minimum 0
   * @maximum 10
   */
  readonly retries?: number;
  /**
   * Minutes a run may take: one that runs longer is stopped and counts as failed.
   * @default 60
   * @asType integer
   * @minimum 1
   * @maximum 10080
   */
  readonly maxRunMinutes?: number;
  /**
   * Minutes a run usually takes, for `npm run cost` only.
   * @default 5
   * @asType integer
   * @minimum 1
   */
  readonly expectedRunMinutes?: number;
}

/** Hours a service runs fewer tasks, such as nights and weekends of an environment nobody uses then. */
export interface QuietHoursSettings {
  /** The time zone of `start` and `end`, an IANA name such as `Asia/Tokyo`. */
  readonly timezone: string;
  /**
   * When the quiet hours start, `cron(minutes hours day-of-month month day-of-week year)`.
   * @pattern ^cron\(\S+ \S+ \S+ \S+ \S+ \S+\)$
   * @patternErrorMessage must be cron(...) with six fields, as Application Auto Scaling takes it
   */
  readonly start: string;
  /**
   * When they end and the service returns to its count.
   * @pattern ^cron\(\S+ \S+ \S+ \S+ \S+ \S+\)$
   * @patternErrorMessage must be cron(...) with six fields, as Application Auto Scaling takes it
   */
  readonly end: string;
  /**
   * Tasks during the quiet hours.
   * @default 0
   * @asType integer
   * @minimum 0
   */
  readonly count?: number;
}

/** Settings of one service on a platform: its container and task, listener rule, scaling and deployment. */
export interface ServiceSettings {
  /**
   * What the service is: `web`, behind the load balancer; `internal`, called by the platform's other services by name (ECS Service Connect); `worker`, consuming a queue of its own; `job`, a task run on a schedule, with no service.
   * @default "web"
   */
  readonly kind?: ServiceKind;
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
   * Number of tasks to keep running; with `autoscaling`, the first count, `autoscaling.minCount` unless given.
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
   * @recommended "alb-security-group"
   */
  readonly serviceIngress?: ServiceIngress;
  /**
   * Copy the service's tags to the tasks it starts (ECS managed tags on).
   * @default false
   * @recommended true
   */
  readonly propagateTags?: boolean;
  /**
   * The container's logs.
   * @default {"enabled": false, "retentionDays": 30}
   * @recommended {"enabled": true, "retentionDays": 30}
   */
  readonly logs?: LogSettings;
  /**
   * Environment variables whose values come from SSM Parameter Store or Secrets Manager at start (never in the task definition or the state): name to parameter or secret ARN (a secret's may end in `:json-key:version-stage:version-id`).
   * @default {}
   */
  readonly secrets?: Record<string, string>;
  /**
   * ARNs of the customer managed KMS keys that encrypt those secrets, which the task execution role may then decrypt with.
   * @default []
   */
  readonly secretsKmsKeyArns?: string[];
  /**
   * Statements of the task role, what the application itself may do in AWS; the role exists under the recommended defaults, and whenever it has statements or ECS Exec is on.
   * @default []
   */
  readonly taskRolePolicyStatements?: PolicyStatementSettings[];
  /**
   * How deployments replace tasks and how tasks stop.
   * @default {"circuitBreaker": false}
   * @recommended {"circuitBreaker": true, "minimumHealthyPercent": 100, "maximumPercent": 200, "healthCheckGracePeriodSeconds": 60, "deregistrationDelaySeconds": 30}
   */
  readonly deployment?: DeploymentSettings;
  /**
   * Scale the task count between a minimum and a maximum on CPU, memory or requests; `desiredCount` is then only the first count, and a later apply leaves the running count alone.
   * @default - none: `desiredCount` tasks
   */
  readonly autoscaling?: AutoscalingSettings;
  /**
   * CPU architecture, and the share of Fargate Spot.
   * @default {"spotPercent": 0, "useCapacityProviders": false, "onDemandBase": 1}
   * @recommended {"spotPercent": 0, "useCapacityProviders": true, "onDemandBase": 1}
   */
  readonly capacity?: CapacitySettings;
  /**
   * A health check inside the container, besides the load balancer's.
   * @default - none
   */
  readonly containerHealthCheck?: ContainerHealthCheckSettings;
  /**
   * Allow `aws ecs execute-command` into this service's running containers (ECS Exec); on a cluster the platform creates, every session is logged to a CloudWatch log group of its own, `/ecs/<name>/exec`.
   * @default false
   */
  readonly enableExecuteCommand?: boolean;
  /**
   * Mount the container's root filesystem read-only, so that an intruder cannot change its files; give the paths the image writes to in `writablePaths`.
   * @default false
   */
  readonly readonlyRootFilesystem?: boolean;
  /**
   * Paths mounted as writable scratch volumes, for images that write to a few places (nginx: `/var/cache/nginx`, `/var/run`).
   * @default []
   */
  readonly writablePaths?: string[];
  /**
   * Who deploys a new image: `apply`, the file's `image` at every `terraform apply`, as in the tutorial; or `release`, `npm run release` (from a pipeline), and the file's `image` is only the first one: every later apply keeps the image the last release put in place (kept in the SSM parameter `/ecs/<name>/image`).
   * @default "apply"
   */
  readonly imageDeployedBy?: ImageDeployment;
  /**
   * CloudWatch alarms on what the service's users feel: its tasks' 5xx answers, unhealthy targets, slow answers. They notify the environment's topic (`notifications`), and a deployment during which one goes off is rolled back (ECS deployment alarms).
   * @default {"enabled": false}
   * @recommended {"enabled": true}
   */
  readonly alarms?: AlarmSettings;
  /**
   * An internal service's name and port for the platform's other services.
   * @default - its id, on the container port
   */
  readonly serviceConnect?: ServiceConnectSettings;
  /**
   * A worker's queue: SQS, encrypted, with a dead-letter queue.
   * @default - a worker's queue with the defaults of its fields; none for the other kinds
   */
  readonly queue?: QueueSettings;
  /**
   * When a job runs; required for a job.
   * @default - none
   */
  readonly schedule?: ScheduleSettings;
  /**
   * Hours the service runs fewer tasks (zero included), for environments nobody uses at night.
   * @default - none
   */
  readonly quietHours?: QuietHoursSettings;
}

/** Settings of what services share: the network, the load balancer and its HTTPS, the cluster. */
export interface PlatformSettings {
  /**
   * Which defaults the settings left unset take: the tutorial's (the hands-on as written) or the recommended ones (safe where it costs nothing; see each setting).
   * @default "tutorial"
   */
  readonly defaults?: DefaultsMode;
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
   * Describe every security group rule (what it admits, and why), for reviews and audits.
   * @default false
   * @recommended true
   */
  readonly describeSecurityGroupRules?: boolean;
  /**
   * Take the VPC's default security group over and remove its rules, so that nothing launched into the VPC without a group of its own can talk.
   * @default false
   * @recommended true
   */
  readonly closeDefaultSecurityGroup?: boolean;
  /**
   * Record the VPC's flow logs (accepted and rejected) in a log group of their own, kept `logs.retentionDays` (CloudWatch bills them by volume).
   * @default false
   */
  readonly flowLogs?: boolean;
  /**
   * HTTPS on the service's own domain: the tutorial's HTTPS chapter, with the recommended TLS policy and redirect.
   * @default - none: plain HTTP on the load balancer's own name
   */
  readonly https?: HttpsSettings;
  /**
   * The load balancer's protection.
   * @default {"dropInvalidHeaderFields": false, "deletionProtection": false, "accessLogs": false, "waf": false, "unmatchedRequests": "ok"}
   * @recommended {"dropInvalidHeaderFields": true, "deletionProtection": true, "accessLogs": true, "waf": false, "unmatchedRequests": "not-found"}
   */
  readonly loadBalancer?: LoadBalancerSettings;
  /**
   * Tags of every resource (each keeps its own Name tag): the provider's default tags in a stack of this project, so they also reach resources added by hand.
   * @default {}
   */
  readonly tags?: Record<string, string>;
  /**
   * Container Insights on the cluster.
   * @default - the account's setting (not written)
   * @recommended "enabled"
   */
  readonly containerInsights?: ContainerInsights;
  /**
   * Write the stack for changes on a live stack: a replacement creates the new resource first wherever AWS lets the old and the new exist side by side (a target group then carries a suffix of its port and VPC in its name), the cluster's Exec logging, which the provider cannot take away, is left alone once Exec is off; deployment alarms, which the provider cannot remove, are written off; the service waits for its rollouts (`deployment.waitForSteadyState`). Set it true to return a live stack to the tutorial's values, then remove it and apply once more (the service stops waiting for its rollouts, a change in Terraform only), unless ECS Exec or deployment alarms were ever on: the tutorial's file cannot undo those, and the stack stays on this setting.
   * @default - on, unless the service is the tutorial as written, whose HCL does none of this
   */
  readonly safeChanges?: boolean;
  /**
   * A VPC, cluster or load balancer listener that exists already, which the services attach to instead of creating their own.
   * @default - everything created by the stack
   */
  readonly existing?: ExistingInfrastructure;
  /**
   * Who hears of failed deployments and alarms: subscribers of the environment's SNS topic, which exists once a service has alarms or anyone subscribes.
   * @default {}
   */
  readonly notifications?: NotificationSettings;
  /**
   * Create the roles a GitHub Actions pipeline deploys with, through OIDC: one for the infrastructure (its GitHub environment's approvals guard it), one for releases with least privilege (register task definitions, update and follow the services, pass only their two roles, read their images).
   * @default - none
   */
  readonly githubDeployRoles?: GithubDeployRolesSettings;
}

/** An existing VPC the services run in, instead of a new one. */
export interface ExistingVpcSettings {
  /**
   * ID of the VPC, looked up (its CIDR admits the tasks' traffic under `"serviceIngress": "vpc-cidr"`).
   * @pattern ^vpc-([0-9a-f]{8}|[0-9a-f]{17})$
   * @patternErrorMessage must be a VPC ID: vpc- and 17 hex digits (8 for VPCs made before 2018), such as vpc-0123456789abcdef0
   */
  readonly vpcId: string;
  /**
   * IDs of the subnets the load balancer is placed in, in two zones or more.
   * @default - none: only with `existing.listenerArn`, whose load balancer is placed already
   * @minItems 2
   */
  readonly publicSubnetIds?: SubnetId[];
  /**
   * IDs of the subnets the tasks run in; they need a way out (NAT) to pull images, or VPC endpoints.
   * @minItems 1
   */
  readonly privateSubnetIds: SubnetId[];
}

/**
 * A subnet ID.
 * @pattern ^subnet-([0-9a-f]{8}|[0-9a-f]{17})$
 * @patternErrorMessage must be a subnet ID: subnet- and 17 hex digits (8 for subnets made before 2018), such as subnet-0123456789abcdef0
 */
export type SubnetId = string;

/** What the services attach to that exists already: looked up, never created, changed or destroyed by the stack. */
export interface ExistingInfrastructure {
  /**
   * A VPC and its subnets, instead of a new VPC with its subnets, gateways and routes.
   * @default - a new VPC
   */
  readonly vpc?: ExistingVpcSettings;
  /**
   * Name of an ECS cluster the services run in, instead of a new cluster.
   * @default - a new cluster
   * @pattern ^[a-zA-Z0-9_-]{1,255}$
   * @patternErrorMessage must be an ECS cluster name: 1-255 letters, digits, hyphens and underscores
   */
  readonly clusterName?: string;
  /**
   * ARN of a load balancer listener the services' rules go on, instead of a new load balancer; the tasks admit its load balancer's (first) security group. Needs `existing.vpc`, the load balancer's.
   * @default - a new load balancer
   * @pattern ^arn:aws[a-z-]*:elasticloadbalancing:[a-z0-9-]+:\d{12}:listener/app/.+$
   * @patternErrorMessage must be an Application Load Balancer listener ARN
   */
  readonly listenerArn?: string;
}

/** Settings of one service: a VPC, a load balancer and a Fargate service behind it. */
export interface FargateWebServiceProps extends ServiceSettings, PlatformSettings {}

/** Whether the policy checks' errors stop the synth, or are only printed. */
export type PolicyChecksMode = "enforce" | "report";

/** A policy finding accepted on purpose. */
export interface PolicySuppressionSettings {
  /**
   * The rule's id, such as `LB-WAF` (see docs/en/policy-rules.md).
   * @pattern ^[A-Z0-9]+(-[A-Z0-9]+)+$
   * @patternErrorMessage must be a policy rule id such as LB-WAF
   */
  readonly rule: string;
  /**
   * Why the finding is accepted, for whoever reviews it.
   * @pattern \S
   * @patternErrorMessage must say why the finding is accepted
   */
  readonly reason: string;
  /**
   * The one resource it is accepted for, by Terraform address (`aws_lb.main`).
   * @default - every resource of the stack
   */
  readonly resource?: string;
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
   * The last chapter of the hands-on the environment builds: the VPC alone, then with the load balancer, then with the service (`https` adds the HTTPS chapter).
   * @default "ecs"
   */
  readonly lastChapter?: TutorialChapter;
  /**
   * Another environment of the same folder whose state this one uses: both are stages of one deployment, as the hands-on's chapters are (`handson-vpc`, `handson-alb`, `handson-https` share `handson`'s).
   * @default - a state of its own
   * @pattern ^[A-Za-z][A-Za-z0-9_-]*$
   * @patternErrorMessage must be the name of an environment file, without .json
   */
  readonly sharesStateWith?: string;
  /**
   * Where Terraform keeps the state.
   * @default - a local file, terraform.<stack>.tfstate in the project folder
   */
  readonly backend?: BackendSettings;
  /**
   * Whether an error of the policy checks stops the synth ("enforce") or is printed as a warning ("report"), as the tutorial's are.
   * @default "report"
   * @recommended "enforce"
   */
  readonly policyChecks?: PolicyChecksMode;
  /**
   * Policy findings accepted on purpose, each with its reason; `npm run check` still lists them.
   * @default []
   */
  readonly suppressions?: PolicySuppressionSettings[];
  /**
   * Several services on the platform this file describes: id to the service's own settings, which are then not given at the top. The first keeps the environment's name and addresses; each other one is named `<name>-<id>` and addressed `<id>_…`.
   * @default - one service, whose settings are at the top
   * @minProperties 1
   */
  readonly services?: Record<ServiceId, ServiceSettings>;
}

/**
 * The id of a service of an environment: lowercase letters, digits and hyphens.
 * @pattern ^[a-z][a-z0-9-]{0,19}$
 * @patternErrorMessage must be 1-20 lowercase letters, digits and hyphens, starting with a letter
 */
export type ServiceId = string;

/** An environment file, `config/<env>.json`. */
export interface EnvironmentFile extends EnvironmentSettings {
  /**
   * The JSON Schema of this file, for editors.
   * @default - none
   */
  readonly $schema?: string;
}
