import type { Deployment, Service } from "@aws-sdk/client-ecs";
import type { TargetHealthDescription, TargetHealthStateEnum } from "@aws-sdk/client-elastic-load-balancing-v2";
import { assessRollout } from "../../src/operations/rollout";

const TD = (revision: number) => `arn:aws:ecs:eu-west-1:123456789012:task-definition/web:${revision}`;
const deployment = (revision: number, fields: Partial<Deployment> = {}): Deployment => ({
  id: `ecs-svc/${revision}`,
  status: "PRIMARY",
  taskDefinition: TD(revision),
  desiredCount: 2,
  runningCount: 2,
  rolloutState: "COMPLETED",
  ...fields,
});
const service = (deployments: Deployment[], fields: Partial<Service> = {}): Service => ({
  desiredCount: 2,
  runningCount: 2,
  loadBalancers: [{ targetGroupArn: "arn:tg", containerName: "web", containerPort: 80 }],
  deployments,
  ...fields,
});
const targets = (...states: TargetHealthStateEnum[]): TargetHealthDescription[] =>
  states.map((State, index) => ({ Target: { Id: `10.0.0.${index}`, Port: 80 }, TargetHealth: { State } }));

describe("assessRollout", () => {
  it("serves once its deployment is the only one, completed, every task running and as many healthy targets", () => {
    const assessment = assessRollout({ service: service([deployment(8)]), targets: targets("healthy", "healthy") }, TD(8), false);
    expect(assessment).toMatchObject({ outcome: "serving", running: 2, desired: 2, healthyTargets: 2, started: true });
  });

  it("waits while the old deployment still runs, and while targets are not all healthy", () => {
    const rolling = service([deployment(8, { rolloutState: "IN_PROGRESS", runningCount: 1 }), deployment(7, { status: "ACTIVE" })]);
    const inProgress = assessRollout({ service: rolling, targets: targets("healthy", "healthy", "initial") }, TD(8), true);
    expect([inProgress.outcome, inProgress.state]).toEqual([undefined, "in progress"]);
    const unhealthy = assessRollout({ service: service([deployment(8)]), targets: targets("healthy", "unhealthy") }, TD(8), true);
    expect([unhealthy.outcome, unhealthy.state, unhealthy.unhealthyTargets]).toEqual([undefined, "waiting for healthy targets", 1]);
  });

  it("is rolled back when ECS failed it and put another revision back, or dropped it after the rollback", () => {
    const failed = deployment(8, {
      status: "ACTIVE",
      rolloutState: "FAILED",
      rolloutStateReason: "ECS deployment circuit breaker: tasks failed to start.",
    });
    expect(assessRollout({ service: service([deployment(7, { id: "ecs-svc/9" }), failed]), targets: [] }, TD(8), true)).toMatchObject({
      outcome: "rolled-back",
      reason: "ECS deployment circuit breaker: tasks failed to start.",
      primaryTaskDefinition: TD(7),
    });
    const events = [
      { createdAt: new Date(2), message: "(service web) has reached a steady state." },
      { createdAt: new Date(1), message: "(service web) (deployment ecs-svc/8) deployment failed: tasks failed to start." },
    ];
    expect(assessRollout({ service: service([deployment(7)], { events }), targets: [] }, TD(8), true)).toMatchObject({
      outcome: "rolled-back",
      primaryTaskDefinition: TD(7),
      reason: "deployment failed: tasks failed to start.",
    });
  });

  it("failed without a revision to go back to, on a first deployment", () => {
    const failed = deployment(1, { rolloutState: "FAILED", runningCount: 0, rolloutStateReason: "tasks failed to start" });
    expect(assessRollout({ service: service([failed], { runningCount: 0 }), targets: [] }, TD(1), true)).toMatchObject({
      outcome: "failed",
    });
  });

  it("has not started while ECS shows no deployment of the revision and none was seen", () => {
    const waiting = assessRollout({ service: service([deployment(7)]), targets: targets("healthy", "healthy") }, TD(8), false);
    expect([waiting.outcome, waiting.started, waiting.state]).toEqual([undefined, false, "not started"]);
  });
});
