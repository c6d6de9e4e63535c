import { ecsContainerLogsRule } from "../../../src/checks/rules/ecs-container-logs";
import { describePolicyRule } from "./check-policy-rule";
import { taskDefinitionWith } from "./containers";

describePolicyRule(ecsContainerLogsRule, {
  passing: { awslogs: taskDefinitionWith({ name: "web", logConfiguration: { logDriver: "awslogs", options: {} } }) },
  failing: {
    "the tutorial's nginx": [
      taskDefinitionWith({ name: "nginx" }, { name: "sidecar", logConfiguration: { logDriver: "awsfirelens" } }),
      [{ address: "aws_ecs_task_definition.main", problem: 'container "nginx" has no log configuration' }],
    ],
  },
});
