import { ecsPublicIpRule } from "../../../src/checks/rules/ecs-public-ip";
import { describePolicyRule, stackOf } from "./check-policy-rule";

const service = (assign_public_ip?: boolean) =>
  stackOf({ aws_ecs_service: { main: { network_configuration: { subnets: [], assign_public_ip } } } });

describePolicyRule(ecsPublicIpRule, {
  passing: { "private subnets": service(), "explicitly not": service(false) },
  failing: {
    "tasks in public subnets": [service(true), [{ address: "aws_ecs_service.main", problem: "gives its tasks public IP addresses" }]],
  },
});
