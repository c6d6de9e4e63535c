import { jobNeedsScheduleRule } from "../../../src/settings/rules/job-needs-schedule";
import { describeRule } from "./check-rule";

describeRule(jobNeedsScheduleRule, {
  passing: [{}, { kind: "job", schedule: { expression: "rate(1 hour)", timezone: "UTC" } }, { kind: "worker" }],
  failing: [[{ kind: "job" }, "app/web.schedule: must be given for a job"]],
});
