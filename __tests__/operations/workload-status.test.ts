import { ListExecutionsCommand, ListStateMachinesCommand, type SFNClient } from "@aws-sdk/client-sfn";
import { GetQueueAttributesCommand, GetQueueUrlCommand, type SQSClient } from "@aws-sdk/client-sqs";
import { formatJobStatus, formatQueueStatus, jobStatus, queueStatus, stackJobs, stackQueues } from "../../src/operations/workload-status";
import { WORKLOADS } from "../fixtures/workloads";

/** A client whose answers are given by command. */
const clientOf = <T>(answer: (command: unknown) => unknown) => ({ send: async (command: unknown) => answer(command) }) as unknown as T;

describe("stackJobs and stackQueues", () => {
  it("find the job's schedule and state machine, and the worker's queue and dead-letter queue", () => {
    expect(stackJobs(WORKLOADS)).toEqual([
      { name: "shop-report", expression: "cron(0 3 * * ? *)", timezone: "Asia/Tokyo", stateMachineName: "shop-report" },
    ]);
    expect(stackQueues(WORKLOADS)).toEqual([{ service: "shop-worker", queueName: "shop-worker", deadLetterQueueName: "shop-worker-dlq" }]);
  });
});

describe("jobStatus", () => {
  const job = stackJobs(WORKLOADS)[0];
  const arn = "arn:aws:states:ap-northeast-1:123456789012:stateMachine:shop-report";

  it("shows the schedule and the last runs, newest first, with how long each took", async () => {
    const sfn = clientOf<SFNClient>((command) => {
      if (command instanceof ListStateMachinesCommand) return { stateMachines: [{ name: "shop-report", stateMachineArn: arn }] };
      if (command instanceof ListExecutionsCommand) {
        expect(command.input).toEqual({ stateMachineArn: arn, maxResults: 5 });
        return {
          executions: [
            { status: "FAILED", startDate: new Date("2026-12-05T18:00:00Z"), stopDate: new Date("2026-12-05T18:04:10Z") },
            { status: "SUCCEEDED", startDate: new Date("2026-12-04T18:00:00Z"), stopDate: new Date("2026-12-04T18:03:00Z") },
          ],
        };
      }
      throw new Error("unexpected command");
    });
    expect(formatJobStatus(await jobStatus(sfn, job)).split("\n")).toEqual([
      "shop-report (job)",
      "  schedule   cron(0 3 * * ? *) Asia/Tokyo",
      "  runs       2026-12-05 18:00:00 FAILED (250 s)",
      "             2026-12-04 18:00:00 SUCCEEDED (180 s)",
    ]);
  });

  it("says so when the state machine is not deployed", async () => {
    const sfn = clientOf<SFNClient>(() => ({ stateMachines: [] }));
    expect(formatJobStatus(await jobStatus(sfn, job))).toContain("its state machine is not in AWS (not deployed?)");
  });
});

describe("queueStatus", () => {
  it("shows the messages waiting, being handled and dead-lettered", async () => {
    const counts: Record<string, Record<string, string>> = {
      "https://sqs/shop-worker": { ApproximateNumberOfMessages: "42", ApproximateNumberOfMessagesNotVisible: "3" },
      "https://sqs/shop-worker-dlq": { ApproximateNumberOfMessages: "1", ApproximateNumberOfMessagesNotVisible: "0" },
    };
    const sqs = clientOf<SQSClient>((command) => {
      if (command instanceof GetQueueUrlCommand) return { QueueUrl: `https://sqs/${command.input.QueueName}` };
      if (command instanceof GetQueueAttributesCommand) return { Attributes: counts[String(command.input.QueueUrl)] };
      throw new Error("unexpected command");
    });
    expect(formatQueueStatus(await queueStatus(sqs, stackQueues(WORKLOADS)[0]))).toBe(
      "  queue      shop-worker: 42 waiting, 3 being handled, 1 in the dead-letter queue",
    );
  });
});
