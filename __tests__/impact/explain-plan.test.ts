import { explainPlan, reaches } from "../../src/impact/explain-plan";
import type { ResourceChange } from "../../src/impact/plan";

const resource = (
  address: string,
  actions: ResourceChange["change"]["actions"],
  extra: Partial<ResourceChange["change"]> = {},
): ResourceChange => ({
  address,
  mode: "managed",
  type: address.split(".")[0],
  change: { actions, before: {}, after: {}, ...extra },
});

// The change of port the user tried in the tutorial: the target group replaced destroy-first.
const PORT_CHANGE = {
  resource_changes: [
    resource("aws_ecs_task_definition.main", ["delete", "create"], { replace_paths: [["container_definitions"]] }),
    resource("aws_lb_target_group.main", ["delete", "create"], {
      before: { port: 80 },
      after: { port: 8080 },
      replace_paths: [["port"]],
    }),
    resource("aws_ecs_service.main", ["update"], {
      before: { task_definition: "arn:1", desired_count: 1 },
      after: { desired_count: 1 },
      after_unknown: { task_definition: true },
    }),
    resource("aws_security_group_rule.ecs", ["delete", "create"], {
      before: { type: "ingress", from_port: 80 },
      replace_paths: [["from_port"]],
    }),
    resource("aws_vpc.main", ["no-op"]),
    { ...resource("data.aws_route53_zone.main", ["read"]), mode: "data" as const },
  ],
  resource_drift: [
    // Someone scaled the service by hand: the plan depends on its desired count.
    resource("aws_ecs_service.main", ["update"], { before: { desired_count: 1, tags: null }, after: { desired_count: 3, tags: {} } }),
    // A refresh that fills in what the apply left empty: nothing the plan reads.
    resource("aws_ecs_cluster.main", ["update"], { before: { name: "handson", tags: null }, after: { name: "handson", tags: {} } }),
    resource("aws_vpc.main", ["update"], { before: { tags: null }, after: { tags: {} } }),
  ],
  relevant_attributes: [
    { resource: "aws_ecs_service.main", attribute: ["desired_count"] },
    { resource: "aws_ecs_cluster.main", attribute: ["name"] },
  ],
};

describe("explainPlan", () => {
  const impact = explainPlan(PORT_CHANGE);

  it("counts as Terraform does: a replacement is one to add and one to destroy", () => {
    expect(impact).toMatchObject({ add: 3, change: 1, destroy: 3 });
  });

  it("lists every change worst first, with what forces each replacement, and leaves out no-ops and reads", () => {
    expect(impact.impacts.map(({ address, severity, kind, because }) => ({ address, severity, kind, because }))).toEqual([
      { address: "aws_lb_target_group.main", severity: "interrupts", kind: "replace-destroy-first", because: ["port"] },
      { address: "aws_security_group_rule.ecs", severity: "interrupts", kind: "replace-destroy-first", because: ["from_port"] },
      { address: "aws_ecs_service.main", severity: "restarts", kind: "update", because: [] },
      { address: "aws_ecs_task_definition.main", severity: "none", kind: "replace-destroy-first", because: ["container_definitions"] },
    ]);
    expect(impact.impacts.find((change) => change.address === "aws_ecs_service.main")!.changed).toEqual(["task_definition"]);
  });

  it("names what changed outside Terraform in attributes the plan depends on, as Terraform's own output does", () => {
    expect(impact.drifted).toEqual(["aws_ecs_service.main"]);
  });

  it("reaches a severity when a change is at least that severe", () => {
    expect(reaches(impact, "breaks")).toBe(false);
    expect(reaches(impact, "interrupts")).toBe(true);
    expect(reaches(impact, "none")).toBe(true);
    expect(reaches(explainPlan({}), "none")).toBe(false);
  });
});
