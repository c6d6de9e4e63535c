import { sgTasksFromLoadBalancerRule } from "../../../src/checks/rules/sg-tasks-from-load-balancer";
import { describePolicyRule, stackOf } from "./check-policy-rule";

const base = {
  aws_lb: { main: { security_groups: ["${aws_security_group.alb.id}"] } },
  aws_security_group: { alb: {}, ecs: {} },
  aws_ecs_service: { main: { network_configuration: { security_groups: ["${aws_security_group.ecs.id}"] } } },
};
const ingress = (source: Record<string, unknown>) => ({
  type: "ingress",
  protocol: "tcp",
  from_port: 80,
  to_port: 80,
  security_group_id: "${aws_security_group.ecs.id}",
  ...source,
});

describePolicyRule(sgTasksFromLoadBalancerRule, {
  passing: {
    "only the load balancer's group": stackOf({
      ...base,
      aws_security_group_rule: { ecs: ingress({ source_security_group_id: "${aws_security_group.alb.id}" }) },
    }),
    "a CIDR on a group that is not the tasks'": stackOf({
      ...base,
      aws_security_group_rule: { alb: { ...ingress({ cidr_blocks: ["0.0.0.0/0"] }), security_group_id: "${aws_security_group.alb.id}" } },
    }),
    "the groups of a load balancer that exists already, read by a data source": stackOf({
      ...base,
      aws_security_group_rule: {
        ecs: ingress({ source_security_group_id: "${element(tolist(data.aws_lb.existing.security_groups), 0)}" }),
      },
    }),
    "an internal service, from the platform's other services through Service Connect": stackOf({
      ...base,
      aws_security_group: { ...base.aws_security_group, api: {} },
      aws_ecs_service: {
        ...base.aws_ecs_service,
        api: {
          network_configuration: { security_groups: ["${aws_security_group.api.id}"] },
          service_connect_configuration: { enabled: true, service: [{ port_name: "http", client_alias: [{ port: 80 }] }] },
        },
      },
      aws_security_group_rule: {
        api_from_main: {
          ...ingress({ source_security_group_id: "${aws_security_group.ecs.id}" }),
          security_group_id: "${aws_security_group.api.id}",
        },
      },
    }),
  },
  failing: {
    "a service that publishes nothing, from another service's group": [
      stackOf({
        ...base,
        aws_security_group: { ...base.aws_security_group, worker: {} },
        aws_ecs_service: {
          ...base.aws_ecs_service,
          worker: {
            network_configuration: { security_groups: ["${aws_security_group.worker.id}"] },
            service_connect_configuration: { enabled: true },
          },
        },
        aws_security_group_rule: {
          worker_from_main: {
            ...ingress({ source_security_group_id: "${aws_security_group.ecs.id}" }),
            security_group_id: "${aws_security_group.worker.id}",
          },
        },
      }),
      [{ address: "aws_security_group_rule.worker_from_main", problem: "admits tcp 80 to the tasks from aws_security_group.ecs" }],
    ],
    "the tutorial: the VPC's CIDR": [
      stackOf({ ...base, aws_security_group_rule: { ecs: ingress({ cidr_blocks: ["10.0.0.0/16"] }) } }),
      [{ address: "aws_security_group_rule.ecs", problem: "admits tcp 80 to the tasks from 10.0.0.0/16" }],
    ],
    "a group given by id, or a prefix list": [
      stackOf({
        ...base,
        aws_security_group_rule: {
          id: ingress({ source_security_group_id: "sg-0123456789" }),
          list: ingress({ prefix_list_ids: ["pl-123"] }),
          vpc: ingress({ source_security_group_id: "${data.aws_security_group.bastion.id}" }),
        },
      }),
      [
        { address: "aws_security_group_rule.id", problem: "admits tcp 80 to the tasks from sg-0123456789" },
        { address: "aws_security_group_rule.list", problem: "admits tcp 80 to the tasks from pl-123" },
        { address: "aws_security_group_rule.vpc", problem: "admits tcp 80 to the tasks from ${data.aws_security_group.bastion.id}" },
      ],
    ],
    "another group than the load balancer's": [
      stackOf({
        ...base,
        aws_security_group: { ...base.aws_security_group, bastion: {} },
        aws_vpc_security_group_ingress_rule: {
          ssh: {
            security_group_id: "${aws_security_group.ecs.id}",
            ip_protocol: "tcp",
            from_port: 22,
            to_port: 22,
            referenced_security_group_id: "${aws_security_group.bastion.id}",
          },
        },
      }),
      [{ address: "aws_vpc_security_group_ingress_rule.ssh", problem: "admits tcp 22 to the tasks from aws_security_group.bastion" }],
    ],
  },
});
