import type { PolicyRule } from "../policy-rule";
import { ecsCircuitBreakerRule } from "./ecs-circuit-breaker";
import { ecsContainerInsightsRule } from "./ecs-container-insights";
import { ecsContainerLogsRule } from "./ecs-container-logs";
import { ecsDeploymentAlarmsRule } from "./ecs-deployment-alarms";
import { ecsExecLoggingRule } from "./ecs-exec-logging";
import { ecsImagePinnedRule } from "./ecs-image-pinned";
import { ecsPlaintextSecretsRule } from "./ecs-plaintext-secrets";
import { ecsPrivilegedRule } from "./ecs-privileged";
import { ecsPublicIpRule } from "./ecs-public-ip";
import { ecsReadonlyRootRule } from "./ecs-readonly-root";
import { iamExecutionRoleScopedRule } from "./iam-execution-role-scoped";
import { iamJobRolesScopedRule } from "./iam-job-roles-scoped";
import { iamNoWildcardsRule } from "./iam-no-wildcards";
import { lbAccessLogsRule } from "./lb-access-logs";
import { lbDeletionProtectionRule } from "./lb-deletion-protection";
import { lbDropInvalidHeadersRule } from "./lb-drop-invalid-headers";
import { lbHttpsRule } from "./lb-https";
import { lbTlsPolicyRule } from "./lb-tls-policy";
import { lbWafRule } from "./lb-waf";
import { logEncryptionRule } from "./log-encryption";
import { logRetentionRule } from "./log-retention";
import { s3EncryptionRule } from "./s3-encryption";
import { s3PublicAccessBlockRule } from "./s3-public-access-block";
import { s3StateVersioningRule } from "./s3-state-versioning";
import { schedulerDeadLetterQueueRule } from "./scheduler-dead-letter-queue";
import { sgDescriptionsRule } from "./sg-descriptions";
import { sgLoadBalancerEgressRule } from "./sg-load-balancer-egress";
import { sgOpenIngressRule } from "./sg-open-ingress";
import { sgTasksFromLoadBalancerRule } from "./sg-tasks-from-load-balancer";
import { sqsDeadLetterQueueRule } from "./sqs-dead-letter-queue";
import { sqsEncryptionRule } from "./sqs-encryption";
import { sqsPolicySourceRule } from "./sqs-policy-source";
import { vpcDefaultSecurityGroupRule } from "./vpc-default-security-group";
import { vpcFlowLogsRule } from "./vpc-flow-logs";

/** Every policy rule, in the order the report lists them: the edge first, then the network, the tasks, IAM, logs and buckets, queues and schedules. */
export const POLICY_RULES: readonly PolicyRule[] = [
  lbHttpsRule,
  lbTlsPolicyRule,
  lbDropInvalidHeadersRule,
  lbAccessLogsRule,
  lbDeletionProtectionRule,
  lbWafRule,
  sgOpenIngressRule,
  sgTasksFromLoadBalancerRule,
  sgLoadBalancerEgressRule,
  sgDescriptionsRule,
  ecsPlaintextSecretsRule,
  ecsPublicIpRule,
  ecsPrivilegedRule,
  ecsReadonlyRootRule,
  ecsImagePinnedRule,
  ecsCircuitBreakerRule,
  ecsDeploymentAlarmsRule,
  ecsContainerLogsRule,
  ecsExecLoggingRule,
  ecsContainerInsightsRule,
  iamNoWildcardsRule,
  iamExecutionRoleScopedRule,
  iamJobRolesScopedRule,
  vpcFlowLogsRule,
  vpcDefaultSecurityGroupRule,
  logRetentionRule,
  logEncryptionRule,
  s3PublicAccessBlockRule,
  s3EncryptionRule,
  s3StateVersioningRule,
  sqsEncryptionRule,
  sqsPolicySourceRule,
  sqsDeadLetterQueueRule,
  schedulerDeadLetterQueueRule,
];
