import { serviceConnectCallersRule } from "../../../src/settings/service-rules/service-connect-callers";
import type { FargateWebServiceProps } from "../../../src/settings/settings";
import { describeServicesRule } from "./check-services";

/** A web service, an internal one, and workers up to `count` services with tasks. */
const platform = (count: number, jobs = 0): Record<string, FargateWebServiceProps> => ({
  web: {},
  api: { kind: "internal", serviceConnect: { name: "api" } },
  ...Object.fromEntries(Array.from({ length: count - 2 }, (_, i) => [`worker-${i}`, { kind: "worker" } as const])),
  ...Object.fromEntries(
    Array.from({ length: jobs }, (_, i) => [
      `job-${i}`,
      { kind: "job", schedule: { expression: "rate(1 day)", timezone: "UTC" } } as const,
    ]),
  ),
});

describeServicesRule(serviceConnectCallersRule, {
  // 61 services with tasks: 60 callers of the internal one; jobs do not call through Service Connect.
  passing: [platform(61), platform(61, 5), { web: {}, worker: { kind: "worker" } }],
  failing: [
    [
      platform(62),
      "services.api.kind: must have at most 60 callers, one inbound rule each in its security group (the VPC quota); 61 other services call it",
    ],
  ],
});
