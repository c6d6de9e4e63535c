import { revisionOf, rolloutReport } from "../../src/operations/report";
import type { Assessment, RolloutResult } from "../../src/operations/rollout";

const TD = "arn:aws:ecs:eu-west-1:123456789012:task-definition/orders-api:8";
const result = (outcome: RolloutResult["outcome"], assessment: Partial<Assessment> = {}): RolloutResult => ({
  outcome,
  seconds: 42,
  snapshot: { service: {}, targets: [] },
  assessment: { state: "serving", running: 3, desired: 3, healthyTargets: 3, unhealthyTargets: 0, started: true, ...assessment },
});

describe("rolloutReport", () => {
  it("says a serving deployment in one line: what, its tasks and targets, how long it took", () => {
    expect(rolloutReport("orders-api", result("serving"), { taskDefinitionArn: TD, image: "app:2.4.0" }, [], 900)).toBe(
      "orders-api: serving app:2.4.0 (orders-api:8): 3/3 tasks running, 3 healthy targets, after 42 s.",
    );
  });

  it("says what ECS rolled back and why, then each cause on its own line", () => {
    const rolledBack = result("rolled-back", {
      reason: "ECS deployment circuit breaker: tasks failed to start.",
      primaryTaskDefinition: "arn:aws:ecs:eu-west-1:123456789012:task-definition/orders-api:7",
    });
    expect(
      rolloutReport("orders-api", rolledBack, { taskDefinitionArn: TD, image: "app:broken" }, ["stopped tasks (3): exit 1"], 900),
    ).toBe(
      [
        "orders-api: the deployment of app:broken (orders-api:8) was rolled back: ECS deployment circuit breaker: tasks failed to start; the service runs orders-api:7 again.",
        "  Why:",
        "    stopped tasks (3): exit 1",
      ].join("\n"),
    );
  });

  it("says a deployment that did not serve in time, with its state", () => {
    const late = result("timed-out", { state: "in progress", running: 0, healthyTargets: 0, unhealthyTargets: 2 });
    expect(rolloutReport("web", late, { taskDefinitionArn: TD }, [], 30)).toBe(
      "web: the deployment of orders-api:8 did not serve within 30 s: in progress, 0/3 tasks running, 0 healthy targets, 2 unhealthy.",
    );
  });

  it("names a revision by family and number", () => {
    expect(revisionOf(TD)).toBe("orders-api:8");
    expect(revisionOf(undefined)).toBe("?");
  });
});
