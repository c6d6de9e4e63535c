import type { ChangeKind } from "../../src/impact/plan";
import { effectOf } from "../../src/impact/resource-effects";

const change = (kind: ChangeKind, before: Record<string, unknown> = {}, changed: string[] = []) => ({
  kind,
  before,
  after: before,
  changed,
});

describe("effectOf the resources of workers, jobs, Service Connect and quiet hours", () => {
  it("a replaced or deleted queue loses its messages", () => {
    expect(effectOf("aws_sqs_queue", change("replace-destroy-first", { name: "shop-worker" }))).toEqual({
      severity: "breaks",
      text: "The queue shop-worker is deleted and created again, empty: the messages waiting in it are lost, and sends to it fail meanwhile (SQS waits 60 seconds before a queue of the same name can be created again).",
    });
    expect(effectOf("aws_sqs_queue", change("delete", { name: "shop-worker" })).severity).toBe("breaks");
    expect(effectOf("aws_sqs_queue", change("update", { name: "shop-worker" }, ["visibility_timeout_seconds"]))).toEqual({
      severity: "none",
      text: "The queue changes in place (visibility_timeout_seconds): its messages stay.",
    });
  });

  it("a removed queue policy or subscription stops the topic's messages", () => {
    expect(effectOf("aws_sqs_queue_policy", change("replace-destroy-first")).severity).toBe("interrupts");
    expect(effectOf("aws_sns_topic_subscription", change("delete"))).toEqual({
      severity: "breaks",
      text: "The subscription is deleted: the queue no longer receives the topic's messages.",
    });
  });

  it("a replaced namespace breaks the calls by name until the services are deployed again", () => {
    expect(effectOf("aws_service_discovery_http_namespace", change("replace-destroy-first")).severity).toBe("breaks");
    expect(effectOf("aws_service_discovery_http_namespace", change("replace-destroy-first")).text).toMatch(
      /calls by name \(http:\/\/<name>:<port>\) fail until every service of the platform is deployed again/,
    );
  });

  it("a changed schedule, state machine or quiet hours interrupt nothing", () => {
    expect(effectOf("aws_scheduler_schedule", change("update", {}, ["schedule_expression"]))).toEqual({
      severity: "none",
      text: "The schedule changes (schedule_expression): the next runs follow it; a run in progress finishes.",
    });
    expect(effectOf("aws_sfn_state_machine", change("update", {}, ["definition"])).severity).toBe("none");
    expect(effectOf("aws_sfn_state_machine", change("replace-destroy-first")).severity).toBe("none");
    expect(effectOf("aws_appautoscaling_scheduled_action", change("update", {}, ["schedule"])).severity).toBe("none");
    expect(effectOf("aws_scheduler_schedule", change("create"))).toEqual({ severity: "none", text: "Created: no interruption." });
  });
});
