import { deploymentRoomRule } from "../../../src/settings/rules/deployment-room";
import { describeRule } from "./check-rule";

describeRule(deploymentRoomRule, {
  passing: [
    {},
    { deployment: { minimumHealthyPercent: 100, maximumPercent: 200 } },
    { desiredCount: 4, deployment: { minimumHealthyPercent: 50, maximumPercent: 100 } },
    { desiredCount: 0, deployment: { minimumHealthyPercent: 100, maximumPercent: 100 } },
  ],
  failing: [
    [
      { desiredCount: 1, deployment: { minimumHealthyPercent: 100, maximumPercent: 150 } },
      "app/web.deployment.maximumPercent: must leave a deployment room with 1 tasks: ECS may run 1 and must keep 1 healthy, so it can neither start a new task nor stop an old one; received 150",
    ],
    [
      { desiredCount: 2, deployment: { minimumHealthyPercent: 100, maximumPercent: 100 } },
      "app/web.deployment.maximumPercent: must leave a deployment room with 2 tasks",
    ],
    [
      {
        desiredCount: 2,
        autoscaling: { minCount: 1, maxCount: 4, cpuTargetPercent: 50 },
        deployment: { minimumHealthyPercent: 60, maximumPercent: 150 },
      },
      "must leave a deployment room with 1 tasks",
    ],
  ],
});
