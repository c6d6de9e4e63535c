import type { Problem } from "../problems";
import type { ResolvedServiceSettings } from "../resolved-settings";
import type { SettingsRule } from "./rule";

/** A setting that only means something with another one on: given alone, it is most likely a mistake. */
const DEPENDENT: readonly {
  path: string;
  given: (s: ResolvedServiceSettings) => boolean;
  needs: string;
  on: (s: ResolvedServiceSettings) => boolean;
}[] = [
  {
    path: "logs.retentionDays",
    given: (s) => s.logs.retentionDays !== 30,
    needs: "logs.enabled, enableExecuteCommand or flowLogs",
    on: (s) => s.logs.enabled || s.enableExecuteCommand || s.flowLogs,
  },
  {
    path: "capacity.onDemandBase",
    given: (s) => s.capacity.onDemandBase !== 1,
    needs: "capacity.spotPercent above 0",
    on: (s) => s.capacity.spotPercent > 0,
  },
  {
    path: "loadBalancer.accessLogsRetentionDays",
    given: (s) => s.loadBalancer.accessLogsRetentionDays !== 90,
    needs: "loadBalancer.accessLogs",
    on: (s) => s.loadBalancer.accessLogs,
  },
  {
    path: "alarms",
    given: (s) =>
      s.alarms.targetErrorsPerMinute !== 10 ||
      s.alarms.responseTimeSeconds !== 2 ||
      s.alarms.unhealthyTargets !== 1 ||
      s.alarms.evaluationMinutes !== 3 ||
      !s.alarms.rollbackDeployments,
    needs: "alarms.enabled",
    on: (s) => s.alarms.enabled,
  },
  {
    path: "secretsKmsKeyArns",
    given: (s) => s.secretsKmsKeyArns.length > 0,
    needs: "secrets",
    on: (s) => Object.keys(s.secrets).length > 0,
  },
];

export const unusedSettingsRule: SettingsRule = {
  id: "unused-settings",
  summary:
    "no setting is given that has no effect without another one (`logs.retentionDays` without logs, ECS Exec or flow logs, `capacity.onDemandBase` without Spot, `loadBalancer.accessLogsRetentionDays` without access logs, alarm thresholds without `alarms.enabled`, `secretsKmsKeyArns` without `secrets`)",
  check(s, { usable }) {
    return DEPENDENT.filter(({ path, given, on }) => usable(path) && given(s) && !on(s)).map(
      ({ path, needs }): Problem => ({
        path,
        rule: `has no effect without ${needs}`,
        value: path.split(".").reduce<unknown>((at, key) => (at as Record<string, unknown>)[key], s),
      }),
    );
  },
};
