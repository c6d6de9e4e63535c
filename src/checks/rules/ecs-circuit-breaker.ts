import { blocks } from "../../terraform/terraform-json";
import type { PolicyRule } from "../policy-rule";

export const ecsCircuitBreakerRule: PolicyRule = {
  id: "ECS-CIRCUIT-BREAKER",
  severity: "error",
  risk: "Without the circuit breaker, a deployment whose tasks never become healthy retries for hours instead of rolling back.",
  fix: 'Use "defaults": "recommended", or set "deployment": { "circuitBreaker": true }.',
  equivalents: {},
  check(stack) {
    return stack
      .ofType("aws_ecs_service")
      .filter((service) => blocks(service.config.deployment_controller).every((controller) => (controller.type ?? "ECS") === "ECS"))
      .filter(
        (service) =>
          !blocks(service.config.deployment_circuit_breaker).some((breaker) => breaker.enable === true && breaker.rollback === true),
      )
      .map((service) => ({ address: service.address, problem: "deploys without the circuit breaker and its rollback" }));
  },
};
