import { scheduleOnlyOnJobsRule } from "../../../src/settings/rules/schedule-only-on-jobs";
import { describeRule } from "./check-rule";

const nightly = { expression: "cron(0 3 * * ? *)", timezone: "Asia/Tokyo" };

describeRule(scheduleOnlyOnJobsRule, {
  passing: [{}, { kind: "job", schedule: nightly }],
  failing: [
    [{ schedule: nightly }, 'app/web.schedule: only a job runs on a schedule; this service is of kind "web"'],
    [{ kind: "worker", schedule: nightly }, 'this service is of kind "worker"'],
  ],
});
