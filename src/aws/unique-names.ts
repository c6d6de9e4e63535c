/** Where AWS keeps a name unique: in one region of an account, in the whole account, or worldwide. */
export type NameScope = "region" | "account" | "global";

/** A name AWS refuses to hold twice: the attribute carrying it, what it names, and its scope. */
export interface UniqueName {
  readonly attribute: string;
  readonly what: string;
  readonly scope: NameScope;
  /** The attribute naming the parent the name is unique within (a VPC, a cluster), if narrower than the scope. */
  readonly within?: string;
}

const REGIONAL = (attribute: string, what: string, within?: string): UniqueName => ({ attribute, what, scope: "region", within });

/**
 * For every resource type this project writes, the names AWS keeps unique, and where. A type with
 * an empty list has none (AWS gives it an ID). The unit tests fail when a synthesized stack holds a
 * type missing here, so each new kind of resource is classified as it is added.
 */
export const UNIQUE_NAMES: Readonly<Record<string, readonly UniqueName[]>> = {
  aws_vpc: [],
  aws_subnet: [],
  aws_internet_gateway: [],
  aws_eip: [],
  aws_nat_gateway: [],
  aws_route_table: [],
  aws_route: [],
  aws_route_table_association: [],
  aws_security_group: [REGIONAL("name", "security group", "vpc_id")],
  aws_security_group_rule: [],
  aws_default_security_group: [],
  aws_flow_log: [],
  aws_lb: [REGIONAL("name", "load balancer")],
  aws_lb_listener: [],
  aws_lb_listener_rule: [],
  aws_lb_target_group: [REGIONAL("name", "target group")],
  aws_ecs_cluster: [REGIONAL("name", "ECS cluster")],
  aws_ecs_task_definition: [REGIONAL("family", "task definition family")],
  aws_ecs_service: [REGIONAL("name", "ECS service", "cluster")],
  aws_ecs_cluster_capacity_providers: [],
  aws_cloudwatch_log_group: [REGIONAL("name", "log group")],
  aws_iam_role: [{ attribute: "name", what: "IAM role", scope: "account" }],
  aws_iam_role_policy: [REGIONAL("name", "inline policy", "role")],
  aws_iam_role_policy_attachment: [],
  aws_appautoscaling_target: [REGIONAL("resource_id", "scalable target")],
  aws_appautoscaling_policy: [REGIONAL("name", "scaling policy", "resource_id")],
  aws_acm_certificate: [],
  aws_acm_certificate_validation: [],
  // Public DNS names: only one hosted zone can answer for a name, whichever account holds it.
  aws_route53_record: [{ attribute: "name", what: "DNS name", scope: "global" }],
  aws_s3_bucket: [{ attribute: "bucket", what: "S3 bucket", scope: "global" }],
  aws_s3_bucket_policy: [],
  aws_s3_bucket_ownership_controls: [],
  aws_s3_bucket_public_access_block: [],
  aws_s3_bucket_server_side_encryption_configuration: [],
  aws_s3_bucket_lifecycle_configuration: [],
  aws_wafv2_web_acl: [REGIONAL("name", "WAF web ACL")],
  aws_wafv2_web_acl_association: [],
  aws_ssm_parameter: [REGIONAL("name", "SSM parameter")],
  aws_cloudwatch_metric_alarm: [REGIONAL("alarm_name", "CloudWatch alarm")],
  aws_sns_topic: [REGIONAL("name", "SNS topic")],
  aws_sns_topic_policy: [],
  aws_sns_topic_subscription: [],
  aws_cloudwatch_event_rule: [REGIONAL("name", "EventBridge rule")],
  aws_cloudwatch_event_target: [],
  // One provider per URL in an account: a second environment in the account names the first's.
  aws_iam_openid_connect_provider: [{ attribute: "url", what: "OIDC provider", scope: "account" }],
};
