import { ecsCircuitBreakerRule } from "../../../src/checks/rules/ecs-circuit-breaker";
import { describePolicyRule, stackOf } from "./check-policy-rule";

const service = (config: Record<string, unknown>) => stackOf({ aws_ecs_service: { main: config } });
const finding = [{ address: "aws_ecs_service.main", problem: "deploys without the circuit breaker and its rollback" }];

describePolicyRule(ecsCircuitBreakerRule, {
  passing: {
    "breaker with rollback": service({ deployment_circuit_breaker: { enable: true, rollback: true } }),
    "deployed by CodeDeploy": service({ deployment_controller: { type: "CODE_DEPLOY" } }),
  },
  failing: {
    "ECS's default": [service({}), finding],
    "breaker without rollback": [service({ deployment_circuit_breaker: [{ enable: true, rollback: false }] }), finding],
  },
});
