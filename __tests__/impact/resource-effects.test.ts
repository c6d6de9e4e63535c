import type { ChangeKind } from "../../src/impact/plan";
import { effectOf } from "../../src/impact/resource-effects";

const change = (
  kind: ChangeKind,
  before: Record<string, unknown> = {},
  after: Record<string, unknown> = before,
  changed: string[] = [],
) => ({
  kind,
  before,
  after,
  changed,
});

describe("effectOf: what each kind of change means for the running service", () => {
  it("a replaced load balancer breaks what points at its DNS name", () => {
    expect(effectOf("aws_lb", change("replace-destroy-first"))).toEqual({
      severity: "breaks",
      text: expect.stringMatching(/^The load balancer is replaced: its DNS name changes, so anything that points at the old one/),
    });
    expect(effectOf("aws_lb", change("delete")).text).toBe("The load balancer is deleted: the service no longer answers at its DNS name.");
  });

  it("a load balancer changed in place names what changes, and does not interrupt", () => {
    expect(effectOf("aws_lb", change("update", {}, {}, ["enable_deletion_protection", "tags_all"]))).toEqual({
      severity: "none",
      text: "The load balancer changes in place (enable_deletion_protection): no interruption.",
    });
  });

  it("a replaced VPC recreates everything in it", () => {
    expect(effectOf("aws_vpc", change("replace-destroy-first"))).toEqual({
      severity: "breaks",
      text: "The VPC is destroyed and created again: everything in it (subnets, NAT gateways, load balancer, tasks) is recreated: the service is down meanwhile and the load balancer gets a new DNS name.",
    });
    expect(effectOf("aws_vpc", change("update", {}, {}, ["tags"])).severity).toBe("none");
  });

  it("a replaced ECS service is an interruption: drained to zero before the new one starts, its autoscaling gone with it", () => {
    expect(effectOf("aws_ecs_service", change("replace-destroy-first"))).toEqual({
      severity: "interrupts",
      text: "The ECS service is replaced, an interruption: ECS drains it to zero tasks and deletes it before the new one starts any; requests fail until the new tasks pass the health check (minutes), and AWS deletes its autoscaling target with it.",
    });
    expect(effectOf("aws_ecs_service", change("delete"))).toEqual({
      severity: "breaks",
      text: "The ECS service is deleted: all its tasks stop.",
    });
  });

  it("any change of a service on capacity providers is a rollout (force_new_deployment), its strategy included", () => {
    const before = { desired_count: 2, deployment_minimum_healthy_percent: 100, force_new_deployment: true };
    const after = { ...before, desired_count: 3 };
    expect(effectOf("aws_ecs_service", change("update", before, after, ["desired_count"])).severity).toBe("restarts");
    expect(effectOf("aws_ecs_service", change("update", before, before, ["capacity_provider_strategy"])).severity).toBe("restarts");
  });

  it("a new task definition rolls the service out, keeping every task serving at 100 % minimum healthy", () => {
    const service = { desired_count: 2, deployment_minimum_healthy_percent: 100 };
    expect(effectOf("aws_ecs_service", change("update", service, service, ["task_definition"]))).toEqual({
      severity: "restarts",
      text: "The service rolls out new tasks: they start beside the running ones, which stop once the new ones pass the health check; all tasks keep serving meanwhile.",
    });
  });

  it("a rollout below 100 % minimum healthy says how many tasks keep serving", () => {
    const service = { desired_count: 3, deployment_minimum_healthy_percent: 50 };
    expect(effectOf("aws_ecs_service", change("update", service, service, ["network_configuration"])).text).toBe(
      "The service rolls out new tasks, stopping running ones first: 2 of 3 tasks keep serving meanwhile (minimum healthy 50 %).",
    );
  });

  it("a new task count changes nothing else", () => {
    expect(effectOf("aws_ecs_service", change("update", { desired_count: 1 }, { desired_count: 3 }, ["desired_count"]))).toEqual({
      severity: "none",
      text: "The service runs 3 tasks instead of 1: no interruption.",
    });
  });

  it("a new task definition revision restarts nothing by itself", () => {
    expect(effectOf("aws_ecs_task_definition", change("replace-destroy-first")).severity).toBe("none");
  });

  it("a target group replaced destroy-first is refused by AWS while the listener forwards to it", () => {
    expect(effectOf("aws_lb_target_group", change("replace-destroy-first"))).toEqual({
      severity: "interrupts",
      text: "The target group is destroyed before its replacement exists: AWS refuses while a listener or rule forwards to it (ResourceInUse), so the apply stops half-way.",
    });
    expect(effectOf("aws_lb_target_group", change("replace-create-first")).severity).toBe("restarts");
  });

  it("a listener replaced or deleted leaves its port without an answer", () => {
    expect(effectOf("aws_lb_listener", change("replace-destroy-first", { port: 443 })).text).toBe(
      "The listener on port 443 is replaced: requests on that port fail until the new one exists (seconds).",
    );
    expect(effectOf("aws_lb_listener", change("delete", { port: 80 })).text).toBe(
      "The listener on port 80 is deleted: nothing answers on that port any more.",
    );
  });

  it("a security group rule removed before its replacement drops connections for seconds; created first, it does not", () => {
    const rule = { type: "ingress", from_port: 80 };
    expect(effectOf("aws_security_group_rule", change("replace-destroy-first", rule))).toEqual({
      severity: "interrupts",
      text: "The ingress rule for port 80 is removed before its replacement is added: connections it allows fail meanwhile (seconds).",
    });
    expect(effectOf("aws_security_group_rule", change("replace-create-first", rule)).severity).toBe("none");
  });

  it("subnets, security groups, NAT gateways and routes replaced interrupt the service", () => {
    for (const type of ["aws_subnet", "aws_security_group", "aws_nat_gateway", "aws_route"]) {
      expect(effectOf(type, change("replace-destroy-first")).severity, type).toBe("interrupts");
    }
    expect(effectOf("aws_nat_gateway", change("delete")).text).toMatch(
      /^The NAT gateway is deleted: tasks routed through it lose outbound/,
    );
  });

  it("an elastic IP released changes the NAT's public address", () => {
    expect(effectOf("aws_eip", change("delete")).severity).toBe("breaks");
  });

  it("what is billed by the hour says so when created", () => {
    expect(effectOf("aws_nat_gateway", change("create")).text).toBe("A NAT gateway is created (billed by the hour and per GB it carries).");
    expect(effectOf("aws_lb", change("create")).text).toBe("A load balancer is created (billed by the hour and per LCU).");
  });

  it("deleting logs or a bucket of logs deletes data", () => {
    expect(effectOf("aws_cloudwatch_log_group", change("delete"))).toEqual({
      severity: "breaks",
      text: "The log group is deleted, and every log event in it with it.",
    });
    expect(effectOf("aws_s3_bucket", change("delete")).severity).toBe("breaks");
  });

  it("DNS records deleted stop resolving", () => {
    expect(effectOf("aws_route53_record", change("delete", { name: "example.com" })).text).toBe(
      "The DNS name example.com stops resolving.",
    );
    expect(effectOf("aws_route53_record", change("replace-destroy-first", { name: "example.com" })).severity).toBe("interrupts");
  });

  it("a certificate replaced new-first does not interrupt", () => {
    expect(effectOf("aws_acm_certificate", change("replace-create-first")).severity).toBe("none");
  });

  it("the WAF removed stops filtering; autoscaling removed keeps the task count", () => {
    expect(effectOf("aws_wafv2_web_acl_association", change("delete")).severity).toBe("breaks");
    expect(effectOf("aws_appautoscaling_target", change("delete")).text).toBe(
      "Autoscaling stops: the service keeps the task count it has.",
    );
  });

  it("the default security group let go of stays, closed; flow logs removed stop recording", () => {
    expect(effectOf("aws_default_security_group", change("delete"))).toEqual({
      severity: "none",
      text: "Terraform lets go of the VPC's default security group: AWS keeps it, with the rules it has (none), as nothing can delete it.",
    });
    expect(effectOf("aws_default_security_group", change("create")).text).toMatch(/^The VPC's default security group is taken over/);
    expect(effectOf("aws_flow_log", change("delete")).text).toMatch(/^The VPC's traffic is no longer recorded/);
  });

  it("a role deleted before it is created again leaves tasks without its credentials", () => {
    expect(effectOf("aws_iam_role", change("replace-destroy-first")).severity).toBe("interrupts");
  });

  it("falls back to what Terraform does for any other resource", () => {
    expect(effectOf("aws_route_table_association", change("create"))).toEqual({ severity: "none", text: "Created: no interruption." });
    expect(effectOf("aws_iam_role_policy", change("update", {}, {}, ["policy"])).text).toBe("Changed in place (policy): no interruption.");
    expect(effectOf("aws_iam_role_policy", change("replace-create-first")).severity).toBe("none");
    expect(effectOf("aws_route_table", change("replace-destroy-first")).severity).toBe("interrupts");
    expect(effectOf("aws_route_table", change("delete"))).toEqual({ severity: "none", text: "Deleted." });
  });
});
