import { blocks } from "../../terraform/terraform-json";
import type { PolicyRule } from "../policy-rule";

export const ecsDeploymentAlarmsRule: PolicyRule = {
  id: "ECS-DEPLOYMENT-ALARMS",
  severity: "warning",
  risk: "A deployment whose tasks pass their health checks but fail the users (5xx answers, slow answers) goes through: the circuit breaker only counts tasks that fail to start.",
  fix: 'Use "defaults": "recommended", or set "alarms": { "enabled": true }: alarms on what users feel then roll such a deployment back.',
  equivalents: {},
  check(stack) {
    return stack
      .ofType("aws_ecs_service")
      .filter((service) => blocks(service.config.load_balancer).length > 0)
      .filter((service) => blocks(service.config.deployment_controller).every((controller) => (controller.type ?? "ECS") === "ECS"))
      .filter(
        (service) =>
          !blocks(service.config.alarms).some(
            (alarms) =>
              alarms.enable === true && alarms.rollback === true && Array.isArray(alarms.alarm_names) && alarms.alarm_names.length > 0,
          ),
      )
      .map((service) => ({
        address: service.address,
        problem: "deploys behind a load balancer without alarms that roll a deployment back",
      }));
  },
};
