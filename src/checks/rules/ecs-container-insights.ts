import { blocks } from "../../terraform/terraform-json";
import type { PolicyRule } from "../policy-rule";

export const ecsContainerInsightsRule: PolicyRule = {
  id: "ECS-CONTAINER-INSIGHTS",
  severity: "warning",
  risk: "Without Container Insights, the tasks' CPU, memory and restarts are not recorded, and an outage is diagnosed blind.",
  fix: 'Use "defaults": "recommended", or set "containerInsights": "enabled" (or "enhanced").',
  equivalents: { checkov: ["CKV_AWS_65"], trivy: ["AVD-AWS-0034 aws-ecs-enable-container-insight"], cdkNag: ["AwsSolutions-ECS4"] },
  check(stack) {
    return stack
      .ofType("aws_ecs_cluster")
      .filter((cluster) => {
        const insights = blocks(cluster.config.setting).find((setting) => setting.name === "containerInsights");
        return !insights || !["enabled", "enhanced"].includes(insights.value);
      })
      .map((cluster) => ({ address: cluster.address, problem: "does not turn Container Insights on (the account's setting applies)" }));
  },
};
