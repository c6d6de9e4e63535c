import { ecsContainerInsightsRule } from "../../../src/checks/rules/ecs-container-insights";
import { describePolicyRule, stackOf } from "./check-policy-rule";

const cluster = (value?: string) =>
  stackOf({ aws_ecs_cluster: { main: value ? { setting: [{ name: "containerInsights", value }] } : {} } });

describePolicyRule(ecsContainerInsightsRule, {
  passing: { enabled: cluster("enabled"), enhanced: cluster("enhanced") },
  failing: {
    "the account's setting": [
      cluster(),
      [{ address: "aws_ecs_cluster.main", problem: "does not turn Container Insights on (the account's setting applies)" }],
    ],
    disabled: [
      cluster("disabled"),
      [{ address: "aws_ecs_cluster.main", problem: "does not turn Container Insights on (the account's setting applies)" }],
    ],
  },
});
