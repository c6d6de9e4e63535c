import { formatStatus, type ServiceStatus } from "../../src/operations/status";

const STATUS: ServiceStatus = {
  service: "orders-api",
  cluster: "orders-api",
  image: "app:2.4.0",
  taskDefinition: "orders-api:8",
  desired: 3,
  running: 3,
  pending: 0,
  deployments: [
    {
      id: "ecs-svc/1",
      status: "PRIMARY",
      rolloutState: "COMPLETED",
      taskDefinition: "orders-api:8",
      running: 3,
      desired: 3,
      failedTasks: 0,
    },
  ],
  targets: { healthy: 3, unhealthy: 0, other: 0, problems: [] },
  alarms: [
    { name: "orders-api-target-5xx", state: "OK" },
    { name: "orders-api-unhealthy-targets", state: "OK" },
    { name: "orders-api-response-time", state: "ALARM" },
  ],
  events: [
    { at: "2026-12-05T21:30:01.000Z", message: "(service orders-api) has reached a steady state." },
    { at: "2026-12-05T21:29:40.000Z", message: "(service orders-api) has started 3 tasks." },
  ],
};

describe("formatStatus", () => {
  it("shows a service in one screen: image, tasks, deployments, targets, alarms by state, last events", () => {
    expect(formatStatus(STATUS).split("\n")).toEqual([
      "orders-api (cluster orders-api)",
      "  image      app:2.4.0 (orders-api:8)",
      "  tasks      3 running / 3 desired, 0 pending",
      "  deployment ecs-svc/1 PRIMARY completed, 3/3 running (orders-api:8)",
      "  targets    3 healthy",
      "  alarms     OK: orders-api-target-5xx, orders-api-unhealthy-targets; ALARM: orders-api-response-time",
      "  events     21:30:01 (service orders-api) has reached a steady state.",
      "             21:29:40 (service orders-api) has started 3 tasks.",
    ]);
  });

  it("says why a failed deployment failed, and which targets are not healthy", () => {
    const failing: ServiceStatus = {
      ...STATUS,
      deployments: [
        {
          ...STATUS.deployments[0],
          id: "ecs-svc/2",
          taskDefinition: "orders-api:9",
          rolloutState: "FAILED",
          rolloutStateReason: "tasks failed to start",
          failedTasks: 3,
          running: 0,
        },
      ],
      targets: { healthy: 2, unhealthy: 1, other: 0, problems: ["10.0.0.9:8080 unhealthy Target.FailedHealthChecks"] },
    };
    const lines = formatStatus(failing).split("\n");
    expect(lines[3]).toBe("  deployment ecs-svc/2 PRIMARY failed, 0/3 running, 3 failed (orders-api:9): tasks failed to start");
    expect(lines[4]).toBe("  targets    2 healthy, 1 unhealthy — 10.0.0.9:8080 unhealthy Target.FailedHealthChecks");
  });
});
