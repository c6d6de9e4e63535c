import type { PlannedChange } from "./terraform-workspace";

/** An attribute moto does not report back, so a re-plan right after apply shows it as a change. */
export interface EmulatorGap {
  readonly type: string;
  readonly attribute: string;
  readonly why: string;
}

export const EMULATOR_GAPS: readonly EmulatorGap[] = [
  {
    type: "aws_ecs_service",
    attribute: "availability_zone_rebalancing",
    why:
      "moto's DescribeServices omits availabilityZoneRebalancing, which AWS always returns; provider " +
      "5.100.0 then plans to set its default (DISABLED) again. Against AWS the re-plan is empty.",
  },
];

/** The changes a re-plan shows that no documented emulator gap explains. */
export function unexplainedChanges(changes: PlannedChange[], gaps: readonly EmulatorGap[] = EMULATOR_GAPS): PlannedChange[] {
  return changes.filter(
    (change) =>
      !(
        change.actions.length === 1 &&
        change.actions[0] === "update" &&
        change.changedAttributes.every((attribute) => gaps.some((gap) => gap.type === change.type && gap.attribute === attribute))
      ),
  );
}
