import { jobNamesRule } from "../../../src/settings/rules/job-names";
import { describeRule } from "./check-rule";

const job = (name: string) => ({ name, kind: "job", schedule: { expression: "rate(1 hour)", timezone: "UTC" } }) as const;

describeRule(jobNamesRule, {
  passing: [{}, job("shop-report"), job("a".repeat(35)), { name: "a".repeat(70) }],
  failing: [
    [job("a".repeat(65)), "app/web.name: must give an EventBridge Scheduler schedule a name of at most 64 characters"],
    [job("a".repeat(54)), 'app/web.name: must give an EventBridge rule of failed runs a name of at most 64 characters (here "'],
    [job("a".repeat(40)), "app/web.name: must give the scheduler's IAM role a name of at most 64 characters"],
  ],
});
