import { taskDefinitionSizeRule } from "../../../src/settings/rules/task-definition-size";
import { describeRule } from "./check-rule";

const variables = (count: number, valueLength: number) =>
  Object.fromEntries(Array.from({ length: count }, (_, i) => [`VARIABLE_${i}`, "x".repeat(valueLength)]));

describeRule(taskDefinitionSizeRule, {
  passing: [{}, { environment: variables(60, 1000) }],
  failing: [
    [
      { environment: variables(64, 1000) },
      'app/web.environment: must keep the task definition within 64 KiB (AWS\'s limit): its container definition takes 66273 bytes; received "64 variables"',
    ],
  ],
});
