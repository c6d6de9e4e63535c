import { estimateCost } from "../../src/cost/estimate-cost";
import { describeAssumptions } from "../../src/cost/format-cost";
import { PRICES } from "../../src/cost/prices";
import { WORKLOADS } from "../fixtures/workloads";

const TOKYO = PRICES["ap-northeast-1"];
const usage = { requestsPerMonth: 0, logGbPerMonth: 0, natGbPerMonth: 0, flowLogGbPerMonth: 0 };
const lineOf = (estimate: ReturnType<typeof estimateCost>, address: string, item: RegExp) =>
  estimate.lines.find((line) => line.address === address && item.test(line.item));

describe("estimateCost of the kinds of service beyond web", () => {
  it("prices every new resource type or knows it bills nothing", () => {
    expect(estimateCost(WORKLOADS, "ap-northeast-1").notPriced).toEqual([]);
  });

  it("prices the requests assumed on the consumed queue only, saying the free tier is not deducted", () => {
    const estimate = estimateCost(WORKLOADS, "ap-northeast-1", { ...usage, queueRequestsPerMonth: 3_000_000 });
    const queues = estimate.lines.filter((line) => line.address.startsWith("aws_sqs_queue."));
    expect(queues).toEqual([
      {
        item: "SQS requests, 3000000 a month assumed (--queue-requests; the first million a month are free, not deducted)",
        address: "aws_sqs_queue.worker_queue",
        quantity: 3,
        unit: "million requests",
        monthly: 1.2,
      },
    ]);
    expect(TOKYO.sqsMillionRequests).toBe(0.4);
  });

  it("prices a daily job: 30.42 invocations and runs a month, each run's minutes of its task's vCPU and memory", () => {
    const estimate = estimateCost(WORKLOADS, "ap-northeast-1", { ...usage, jobRunMinutes: { "shop-report": 12 } });
    const runs = 365 / 12;
    expect(lineOf(estimate, "aws_scheduler_schedule.report_schedule", /^Scheduler invocations/)).toMatchObject({
      item: "Scheduler invocations, cron(0 3 * * ? *) Asia/Tokyo: 30.42 runs a month (the first 14 million free, not deducted)",
      quantity: 30.41667,
      unit: "invocations",
    });
    expect(lineOf(estimate, "aws_sfn_state_machine.report_job", /^Step Functions/)).toMatchObject({
      item: "Step Functions state transitions, 30.42 runs × 1 state (the first 4,000 a month free, not deducted)",
      quantity: 30.41667,
      unit: "transitions",
    });
    const vcpu = lineOf(estimate, "aws_ecs_task_definition.report_main", /^Fargate vCPU/);
    expect(vcpu).toMatchObject({ item: "Fargate vCPU (x86) of the job's runs, 30.42 runs × 12 min × 0.25", unit: "vCPU-hours" });
    expect(vcpu?.quantity).toBeCloseTo((runs * 12 * 0.25) / 60, 2);
    expect(vcpu?.monthly).toBeCloseTo(((runs * 12 * 0.25) / 60) * TOKYO.fargateVcpuHour, 2);
    const memory = lineOf(estimate, "aws_ecs_task_definition.report_main", /^Fargate memory/);
    expect(memory?.quantity).toBeCloseTo((runs * 12 * 0.5) / 60, 2);
  });

  it("takes 5 minutes a run, the setting's default, when not told, and says so", () => {
    const line = lineOf(estimateCost(WORKLOADS, "ap-northeast-1"), "aws_ecs_task_definition.report_main", /^Fargate vCPU/);
    expect(line?.item).toBe("Fargate vCPU (x86) of the job's runs, 30.42 runs × 5 min (schedule.expectedRunMinutes' default) × 0.25");
    expect(line?.quantity).toBeCloseTo(((365 / 12) * 5 * 0.25) / 60, 2);
  });

  it("prices a Cloud Map instance for each task of the service Service Connect publishes, and nothing for its clients", () => {
    const estimate = estimateCost(WORKLOADS, "ap-northeast-1");
    const cloudMap = estimate.lines.filter((line) => line.item.startsWith("Cloud Map"));
    expect(cloudMap).toEqual([
      {
        item: "Cloud Map instances Service Connect registers, one per task",
        address: "aws_ecs_service.api_main",
        quantity: 2,
        unit: "instances",
        monthly: 0.2,
      },
    ]);
  });

  it("shows what quiet hours save as a negative line: 12 hours a night × 2 tasks fewer × a task's hourly price", () => {
    const estimate = estimateCost(WORKLOADS, "ap-northeast-1");
    const web = estimate.lines.filter((line) => line.address === "aws_ecs_service.main" && line.item.startsWith("Fargate"));
    // The fixture's tasks have no public addresses: their Fargate lines are what a task costs.
    const taskHour = web.reduce((sum, line) => sum + line.monthly, 0) / 2 / 730;
    const saved = lineOf(estimate, "aws_appautoscaling_scheduled_action.main_quiet_start", /^Quiet hours/);
    expect(saved).toMatchObject({
      item: "Quiet hours save: 2 tasks fewer for 365 hours a month (cron(0 20 * * ? *) to cron(0 8 * * ? *) Asia/Tokyo)",
      quantity: 730,
      unit: "task-hours",
    });
    expect(saved?.monthly).toBeLessThan(0);
    expect(saved?.monthly).toBeCloseTo(-730 * taskHour, 1);
    // The total counts the saving.
    expect(estimate.monthly).toBeCloseTo(
      estimate.lines.reduce((sum, line) => sum + line.monthly, 0),
      2,
    );
  });

  it("states the queue requests and the jobs' run time among what it assumes", () => {
    expect(describeAssumptions({ ...usage, queueRequestsPerMonth: 3_000_000 })).toMatch(
      /3000000 requests to the workers' queues a month \(--queue-requests\); each job's runs as long as its schedule\.expectedRunMinutes/,
    );
  });
});
