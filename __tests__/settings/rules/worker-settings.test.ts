import { workerSettingsRule } from "../../../src/settings/rules/worker-settings";
import { describeRule } from "./check-rule";

describeRule(workerSettingsRule, {
  passing: [
    {},
    { kind: "worker" },
    {
      kind: "worker",
      queue: { maxReceiveCount: 3 },
      containerInsights: "enabled",
      autoscaling: { minCount: 0, maxCount: 4, messagesPerTask: 10 },
    },
  ],
  failing: [
    [{ queue: { maxReceiveCount: 3 } }, 'app/web.queue: only a worker has a queue; this service is of kind "web"; received'],
    [{ kind: "internal", queue: {} }, 'app/web.queue: only a worker has a queue; this service is of kind "internal"'],
    [
      { containerInsights: "enabled", autoscaling: { minCount: 1, maxCount: 4, messagesPerTask: 10 } },
      'app/web.autoscaling.messagesPerTask: only a worker scales on the backlog of its queue; this service is of kind "web"; received 10',
    ],
  ],
});
