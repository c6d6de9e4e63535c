import { firstServiceWebRule } from "../../../src/settings/service-rules/first-service-web";
import { describeServicesRule } from "./check-services";

const report = { kind: "job", schedule: { expression: "cron(0 3 * * ? *)", timezone: "Asia/Tokyo" } } as const;

describeServicesRule(firstServiceWebRule, {
  passing: [{ web: {} }, { web: {}, report }, { web: { kind: "web" }, queue: { kind: "worker" } }],
  failing: [
    [{ report, web: {} }, 'services.report.kind: must be "web" for the platform\'s first service'],
    [{ api: { kind: "internal" } }, 'services.api.kind: must be "web"'],
  ],
});
