import { unexplainedChanges } from "../../../tools/harness/emulator-gaps";
import type { PlannedChange } from "../../../tools/harness/terraform-workspace";

const change = (overrides: Partial<PlannedChange>): PlannedChange => ({
  address: "aws_ecs_service.main",
  type: "aws_ecs_service",
  actions: ["update"],
  changedAttributes: ["availability_zone_rebalancing"],
  ...overrides,
});

describe("unexplainedChanges", () => {
  it("lets through an in-place update of only a documented gap attribute", () => {
    expect(unexplainedChanges([change({})])).toEqual([]);
  });

  it("reports an update that also touches another attribute", () => {
    const both = change({ changedAttributes: ["availability_zone_rebalancing", "desired_count"] });
    expect(unexplainedChanges([both])).toEqual([both]);
  });

  it("reports the gap attribute on another resource type", () => {
    const other = change({ address: "aws_lb.main", type: "aws_lb" });
    expect(unexplainedChanges([other])).toEqual([other]);
  });

  it("reports replacements, creations and deletions whatever they touch", () => {
    const replace = change({ actions: ["delete", "create"] });
    const create = change({ actions: ["create"] });
    expect(unexplainedChanges([replace, create])).toEqual([replace, create]);
  });
});
