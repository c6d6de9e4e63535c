import { containerHealthCheckRule } from "../../../src/settings/rules/container-health-check";
import { describeRule } from "./check-rule";

describeRule(containerHealthCheckRule, {
  passing: [
    {},
    { containerHealthCheck: { command: ["CMD-SHELL", "curl -f http://localhost/ || exit 1"] } },
    { containerHealthCheck: { command: ["CMD", "/healthcheck"] } },
  ],
  failing: [
    [
      { containerHealthCheck: { command: ["curl", "-f", "http://localhost/"] } },
      'app/web.containerHealthCheck.command: must start with "CMD" or "CMD-SHELL", such as ["CMD-SHELL", "curl -f http://localhost/ || exit 1"]; received ["curl","-f","http://localhost/"]',
    ],
  ],
});
