import { sgOpenIngressRule } from "../../../src/checks/rules/sg-open-ingress";
import { describePolicyRule, stackOf } from "./check-policy-rule";

const publicLb = { aws_lb: { main: { security_groups: ["${aws_security_group.alb.id}"] } } };
const openRule = (from_port: number, to_port = from_port) => ({
  type: "ingress",
  protocol: "tcp",
  from_port,
  to_port,
  cidr_blocks: ["0.0.0.0/0"],
  security_group_id: "${aws_security_group.alb.id}",
});

describePolicyRule(sgOpenIngressRule, {
  passing: {
    "the public load balancer's 80 and 443": stackOf({
      ...publicLb,
      aws_security_group: { alb: {} },
      aws_security_group_rule: { http: openRule(80), https: openRule(443) },
    }),
    "a port open to a known CIDR": stackOf({
      aws_security_group: { bastion: { ingress: [{ protocol: "tcp", from_port: 22, to_port: 22, cidr_blocks: ["203.0.113.0/24"] }] } },
    }),
  },
  failing: {
    "SSH from anywhere next to the load balancer": [
      stackOf({ ...publicLb, aws_security_group: { alb: {} }, aws_security_group_rule: { http: openRule(80), ssh: openRule(22) } }),
      [{ address: "aws_security_group_rule.ssh", problem: "admits tcp 22 from 0.0.0.0/0" }],
    ],
    "a port range that contains 80 on the load balancer": [
      stackOf({ ...publicLb, aws_security_group: { alb: {} }, aws_security_group_rule: { wide: openRule(0, 1024) } }),
      [{ address: "aws_security_group_rule.wide", problem: "admits tcp 0-1024 from 0.0.0.0/0" }],
    ],
    "80 from anywhere on a group that is not a load balancer's": [
      stackOf({
        aws_security_group: { ecs: {} },
        aws_vpc_security_group_ingress_rule: {
          web: { security_group_id: "${aws_security_group.ecs.id}", ip_protocol: "tcp", from_port: 80, to_port: 80, cidr_ipv6: "::/0" },
        },
      }),
      [{ address: "aws_vpc_security_group_ingress_rule.web", problem: "admits tcp 80 from ::/0" }],
    ],
    "everything, inline": [
      stackOf({ aws_security_group: { any: { ingress: { protocol: "-1", from_port: 0, to_port: 0, cidr_blocks: ["0.0.0.0/0"] } } } }),
      [{ address: "aws_security_group.any", problem: "admits all traffic from 0.0.0.0/0" }],
    ],
  },
});
