import { blocks } from "../../terraform/terraform-json";
import type { PolicyRule } from "../policy-rule";

export const ecsPublicIpRule: PolicyRule = {
  id: "ECS-PUBLIC-IP",
  severity: "error",
  risk: "Tasks with public IP addresses are one security group rule away from being reachable from the internet directly.",
  fix: 'Keep "natGateways" at "per-az" or "single": the tasks run in private subnets without public addresses.',
  equivalents: { checkov: ["CKV_AWS_333"] },
  check(stack) {
    return stack
      .ofType("aws_ecs_service")
      .filter((service) => blocks(service.config.network_configuration).some((network) => network.assign_public_ip === true))
      .map((service) => ({ address: service.address, problem: "gives its tasks public IP addresses" }));
  },
};
