import type { Problem } from "../problems";
import type { SettingsRule } from "./rule";

/** The names a job adds to its service's, with AWS's limit on each (the characters are those of its task family). */
const JOB_NAMES: readonly { resource: string; derive: (name: string, region: string | undefined) => string | undefined; max: number }[] = [
  { resource: "an EventBridge Scheduler schedule", derive: (n) => n, max: 64 },
  { resource: "a Step Functions state machine", derive: (n) => n, max: 80 },
  { resource: "an SQS dead-letter queue", derive: (n) => `${n}-schedule-dlq`, max: 80 },
  { resource: "an EventBridge rule of failed runs", derive: (n) => `${n}-run-failed`, max: 64 },
  // Known only when the region is known at synth.
  { resource: "the scheduler's IAM role", derive: (n, region) => region && `${n}-${region}-scheduler`, max: 64 },
  { resource: "the state machine's IAM role", derive: (n, region) => region && `${n}-${region}-states`, max: 64 },
];

export const jobNamesRule: SettingsRule = {
  id: "job-names",
  summary:
    "a job's `name` gives names AWS accepts to what runs it: schedule (64 characters), state machine (80), dead-letter queue `<name>-schedule-dlq` (80), rule `<name>-run-failed` (64), roles `<name>-<region>-scheduler` and `-states` (64)",
  check(s, { usable, region }) {
    if (s.kind !== "job" || !usable("name", "kind")) return [];
    const broken = JOB_NAMES.find(({ derive, max }) => (derive(s.name, region)?.length ?? 0) > max);
    if (!broken) return [];
    const derived = broken.derive(s.name, region)!;
    const problem: Problem = {
      path: "name",
      rule: `must give ${broken.resource} a name of at most ${broken.max} characters (here "${derived}", ${derived.length})`,
      value: s.name,
    };
    return [problem];
  },
};
