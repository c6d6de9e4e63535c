import { environmentVariableNamesRule } from "../../../src/settings/rules/environment-variable-names";
import { describeRule } from "./check-rule";

describeRule(environmentVariableNamesRule, {
  passing: [{}, { environment: { LOG_LEVEL: "info", _X1: "" } }],
  failing: [
    [
      { environment: { "1ST": "x" } },
      'app/web.environment.1ST: must be named with letters, digits and underscores, not starting with a digit; received "1ST"',
    ],
    [{ environment: { "MY-VAR": "x" } }, "app/web.environment.MY-VAR: must be named with letters, digits and underscores"],
  ],
});
