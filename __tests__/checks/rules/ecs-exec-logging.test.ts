import { ecsExecLoggingRule } from "../../../src/checks/rules/ecs-exec-logging";
import { describePolicyRule, stackOf } from "./check-policy-rule";

const stack = (configuration: unknown, logDriver?: string) =>
  stackOf({
    aws_ecs_cluster: { main: { configuration } },
    aws_ecs_task_definition: {
      main: { container_definitions: JSON.stringify([{ name: "web", logConfiguration: logDriver && { logDriver } }]) },
    },
    aws_ecs_service: {
      main: { cluster: "${aws_ecs_cluster.main.id}", task_definition: "${aws_ecs_task_definition.main.arn}", enable_execute_command: true },
    },
  });
const finding = [{ address: "aws_ecs_cluster.main", problem: "runs ECS Exec sessions for aws_ecs_service.main without logging them" }];

describePolicyRule(ecsExecLoggingRule, {
  passing: {
    "a log group of their own": stack({
      execute_command_configuration: {
        logging: "OVERRIDE",
        log_configuration: { cloud_watch_log_group_name: "${aws_cloudwatch_log_group.exec.name}" },
      },
    }),
    "ECS's default, with the container's awslogs": stack(undefined, "awslogs"),
    "Exec off": stackOf({ aws_ecs_cluster: { main: {} }, aws_ecs_service: { main: { cluster: "${aws_ecs_cluster.main.id}" } } }),
  },
  failing: {
    "ECS's default without awslogs": [stack(undefined), finding],
    "logging NONE": [stack({ execute_command_configuration: { logging: "NONE" } }, "awslogs"), finding],
    "OVERRIDE without a destination": [stack({ execute_command_configuration: { logging: "OVERRIDE" } }, "awslogs"), finding],
  },
});
