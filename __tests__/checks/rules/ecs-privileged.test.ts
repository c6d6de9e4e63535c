import { ecsPrivilegedRule } from "../../../src/checks/rules/ecs-privileged";
import { describePolicyRule } from "./check-policy-rule";
import { taskDefinitionWith } from "./containers";

describePolicyRule(ecsPrivilegedRule, {
  passing: { "not privileged": taskDefinitionWith({ name: "web" }, { name: "sidecar", privileged: false }) },
  failing: {
    privileged: [
      taskDefinitionWith({ name: "web", privileged: true }),
      [{ address: "aws_ecs_task_definition.main", problem: 'container "web" is privileged' }],
    ],
  },
});
