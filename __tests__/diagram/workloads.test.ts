import { type Architecture, architectureOf, type DiagramNode } from "../../src/diagram/architecture";
import { allGroups, toDot, toMermaid } from "../../src/diagram/render";
import { WORKLOADS } from "../fixtures/workloads";

const nodesOf = (architecture: Architecture): DiagramNode[] => [
  ...architecture.outside,
  ...allGroups(architecture.region).flatMap((group) => group.nodes),
];
const labelOf = (architecture: Architecture, nodeId: string) => nodesOf(architecture).find((node) => node.id === nodeId)?.label;
/** Every edge as `from -> to (label)`, dashed ones marked. */
const edgesOf = (architecture: Architecture) =>
  architecture.edges.map(
    (edge) =>
      `${labelOf(architecture, edge.from)} ${edge.dashed ? "-.->" : "->"} ${labelOf(architecture, edge.to)}${edge.label ? ` (${edge.label})` : ""}`,
  );

describe("architectureOf a platform with one service of each kind", () => {
  const drawn = architectureOf("shop", WORKLOADS, "ap-northeast-1");
  const edges = edgesOf(drawn);
  const web = "Service shop: 2 × nginx:1.27 (0.25 vCPU, 0.5 GB)";
  const api = "Service shop-api: 2 × api:1.0 (0.25 vCPU, 0.5 GB)";
  const worker = "Service shop-worker: 1 × worker:1.0 (0.25 vCPU, 0.5 GB)";

  it("draws who calls whom through Service Connect: every other service to the internal one, by the name it calls", () => {
    const calls = edges.filter((edge) => edge.includes("http://"));
    expect(calls.sort()).toEqual([`${web} -> ${api} (http://api:8080)`, `${worker} -> ${api} (http://api:8080)`].sort());
    expect(edges).toContain(`Cloud Map namespace shop (Service Connect) -.-> ${api} (names)`);
  });

  it("draws the topic feeding the worker's queue, the queue feeding the worker, and the dead-letter queue beside it", () => {
    expect(edges).toEqual(
      expect.arrayContaining([
        "SNS topic orders (existing) -> SQS queue shop-worker (subscription)",
        `SQS queue shop-worker -> ${worker} (messages)`,
        "SQS queue shop-worker -.-> SQS dead-letter queue shop-worker-dlq (after 5 receives)",
      ]),
    );
  });

  it("draws the schedule starting the state machine that runs the job in the cluster, its dead-letter queue, and who hears of failures", () => {
    const cluster = allGroups(drawn.region).find((group) => group.kind === "cluster");
    expect(cluster?.nodes.map((node) => node.label)).toContain("Job shop-report: report:1.0 (0.25 vCPU, 0.5 GB)");
    expect(edges).toEqual(
      expect.arrayContaining([
        "EventBridge Scheduler cron(0 3 * * ? *) Asia/Tokyo -> Step Functions state machine shop-report (starts)",
        "Step Functions state machine shop-report -> Job shop-report: report:1.0 (0.25 vCPU, 0.5 GB) (runs the task, waits for it, 2 retries, stops it after 60 min)",
        "EventBridge Scheduler cron(0 3 * * ? *) Asia/Tokyo -.-> SQS dead-letter queue shop-report-schedule-dlq (runs it could not start)",
        "Step Functions state machine shop-report -.-> SNS topic shop-notifications (failed or timed-out runs)",
        "EventBridge Scheduler cron(0 3 * * ? *) Asia/Tokyo -.-> Scheduler role report_scheduler (starts as)",
        "Step Functions state machine shop-report -.-> State machine role report_state_machine (runs as)",
      ]),
    );
  });

  it("draws quiet hours beside the service they scale", () => {
    expect(edges).toContain(`Quiet hours: 0 tasks from cron(0 20 * * ? *) to cron(0 8 * * ? *) Asia/Tokyo -.-> ${web} (scales)`);
  });

  it("leaves no node without a line (the internet aside: this platform has no load balancer), and links only what is drawn", () => {
    const ends = new Set(drawn.edges.flatMap((edge) => [edge.from, edge.to]));
    expect(
      nodesOf(drawn)
        .filter((node) => node.id !== "internet" && !ends.has(node.id))
        .map((node) => node.label),
    ).toEqual([]);
    const ids = new Set([...nodesOf(drawn).map((node) => node.id), ...allGroups(drawn.region).map((group) => group.id)]);
    expect([...ends].filter((end) => !ids.has(end))).toEqual([]);
    expect(new Set(nodesOf(drawn).map((node) => node.id)).size).toBe(nodesOf(drawn).length);
  });

  it("colours the new parts as the hands-on's chapters do: services and jobs ECS, the rest beyond the hands-on", () => {
    const chapterOf = (label: string) => nodesOf(drawn).find((node) => node.label === label)?.chapter;
    expect(chapterOf("Job shop-report: report:1.0 (0.25 vCPU, 0.5 GB)")).toBe("ecs");
    expect(chapterOf("SQS queue shop-worker")).toBe("beyond");
    expect(chapterOf("Step Functions state machine shop-report")).toBe("beyond");
    expect(toMermaid(drawn)).toMatch(/aws_sqs_queue_worker_queue\["SQS queue shop-worker"\]:::beyond/);
    expect(toDot(drawn)).toContain("aws_sfn_state_machine_report_job -> aws_ecs_task_definition_report_main");
  });
});
