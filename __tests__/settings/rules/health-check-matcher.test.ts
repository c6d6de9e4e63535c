import { healthCheckMatcherRule } from "../../../src/settings/rules/health-check-matcher";
import { describeRule } from "./check-rule";

describeRule(healthCheckMatcherRule, {
  passing: [
    {},
    { healthCheck: { matcher: "200" } },
    { healthCheck: { matcher: "200-299" } },
    { healthCheck: { matcher: "200,301,400-499" } },
  ],
  failing: [
    [
      { healthCheck: { matcher: "199" } },
      'app/web.healthCheck.matcher: must be codes from 200 to 499, ranges from low to high; received "199"',
    ],
    [{ healthCheck: { matcher: "500" } }, "app/web.healthCheck.matcher: must be codes from 200 to 499"],
    [{ healthCheck: { matcher: "299-200" } }, "app/web.healthCheck.matcher: must be codes from 200 to 499, ranges from low to high"],
  ],
});
