import { ecsReadonlyRootRule } from "../../../src/checks/rules/ecs-readonly-root";
import { describePolicyRule } from "./check-policy-rule";
import { taskDefinitionWith } from "./containers";

describePolicyRule(ecsReadonlyRootRule, {
  passing: { "read-only": taskDefinitionWith({ name: "web", readonlyRootFilesystem: true }) },
  failing: {
    "ECS's default": [
      taskDefinitionWith({ name: "web" }),
      [{ address: "aws_ecs_task_definition.main", problem: 'container "web" can write to its root filesystem' }],
    ],
  },
});
