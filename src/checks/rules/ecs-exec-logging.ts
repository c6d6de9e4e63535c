import { blocks, referencesIn, type StackResource } from "../../terraform/terraform-json";
import type { PolicyRule } from "../policy-rule";
import { containersOf } from "../stack-queries";

/** Where the cluster's Exec sessions go: a destination of their own, the task definition's awslogs (ECS's default), or nowhere. */
function execLogging(cluster: StackResource): "override" | "default" | "none" {
  const exec = blocks(cluster.config.configuration).flatMap((configuration) => blocks(configuration.execute_command_configuration))[0];
  const logging = exec?.logging ?? "DEFAULT";
  if (logging === "DEFAULT") return "default";
  const destination = blocks(exec.log_configuration).some((logs) => logs.cloud_watch_log_group_name || logs.s3_bucket_name);
  return logging === "OVERRIDE" && destination ? "override" : "none";
}

export const ecsExecLoggingRule: PolicyRule = {
  id: "ECS-EXEC-LOGGING",
  severity: "error",
  risk: "ECS Exec opens a shell in running tasks; unlogged, what was typed there cannot be audited.",
  fix: 'Turn ECS Exec on with "enableExecuteCommand": true only: the cluster then logs the sessions to a log group of their own.',
  equivalents: { checkov: ["CKV_AWS_223"] },
  check(stack) {
    return stack
      .ofType("aws_ecs_service")
      .filter((service) => service.config.enable_execute_command === true)
      .flatMap((service) => {
        const cluster = stack.ofType("aws_ecs_cluster").find((one) => referencesIn(service.config.cluster).includes(one.address));
        if (!cluster) return [];
        const logging = execLogging(cluster);
        const taskDefinitions = referencesIn(service.config.task_definition);
        const awslogs = containersOf(stack).some(
          ({ taskDefinition, container }) =>
            taskDefinitions.includes(taskDefinition.address) && container.logConfiguration?.logDriver === "awslogs",
        );
        if (logging === "override" || (logging === "default" && awslogs)) return [];
        return [{ address: cluster.address, problem: `runs ECS Exec sessions for ${service.address} without logging them` }];
      });
  },
};
