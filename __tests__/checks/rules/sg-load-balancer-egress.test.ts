import { sgLoadBalancerEgressRule } from "../../../src/checks/rules/sg-load-balancer-egress";
import { describePolicyRule, stackOf } from "./check-policy-rule";

// Inline rules as cdktf writes them: what the block leaves out is null.
const all = (cidr: string) => [
  { protocol: "-1", from_port: 0, to_port: 0, cidr_blocks: [cidr], ipv6_cidr_blocks: null, security_groups: null },
];
const lb = { aws_lb: { main: { security_groups: ["${aws_security_group.alb.id}"] } } };

describePolicyRule(sgLoadBalancerEgressRule, {
  passing: {
    "the load balancer reaching its VPC": stackOf({ ...lb, aws_security_group: { alb: { egress: all("10.0.0.0/16") } } }),
    "the tasks reaching the internet": stackOf({
      ...lb,
      aws_security_group: { alb: { egress: all("10.0.0.0/16") }, ecs: { egress: all("0.0.0.0/0") } },
    }),
  },
  failing: {
    "the tutorial: the load balancer reaching everything": [
      stackOf({ ...lb, aws_security_group: { alb: { egress: all("0.0.0.0/0") } } }),
      [{ address: "aws_security_group.alb", problem: "lets the load balancer reach all traffic at 0.0.0.0/0" }],
    ],
  },
});
