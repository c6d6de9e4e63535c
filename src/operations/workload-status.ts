// `npm run status` for what has no ECS service to describe: a job (its schedule and its last runs,
// from Step Functions) and a worker's queue (the messages waiting, in flight and dead-lettered).
import { ListExecutionsCommand, ListStateMachinesCommand, type SFNClient } from "@aws-sdk/client-sfn";
import { GetQueueAttributesCommand, GetQueueUrlCommand, type SQSClient } from "@aws-sdk/client-sqs";
import { deadLetterQueues } from "../checks/stack-queries";
import { blocks, referencesIn, StackResources, type TerraformJson } from "../terraform/terraform-json";

/** A job of a synthesized stack: its schedule, and the state machine that runs it. */
export interface StackJob {
  readonly name: string;
  readonly expression: string;
  readonly timezone?: string;
  readonly stateMachineName: string;
}

/** A worker's queue of a synthesized stack, with its dead-letter queue. */
export interface StackQueue {
  readonly service: string;
  readonly queueName: string;
  readonly deadLetterQueueName?: string;
}

const literal = (value: unknown) => (typeof value === "string" && !value.includes("${") ? value : undefined);

/** The jobs a stack schedules: each schedule whose target is a state machine of the stack. */
export function stackJobs(json: TerraformJson): StackJob[] {
  const stack = new StackResources(json);
  return stack.ofType("aws_scheduler_schedule").flatMap((schedule) => {
    const targets = blocks(schedule.config.target).flatMap((target) => referencesIn(target.arn));
    const machine = stack.ofType("aws_sfn_state_machine").find((one) => targets.includes(one.address));
    const name = literal(schedule.config.name);
    const stateMachineName = literal(machine?.config.name);
    if (!name || !stateMachineName) return [];
    return [
      {
        name,
        expression: String(schedule.config.schedule_expression),
        timezone: literal(schedule.config.schedule_expression_timezone),
        stateMachineName,
      },
    ];
  });
}

/** The queues a stack's services consume: a queue its task definition is given, and the dead-letter queue it redrives to. */
export function stackQueues(json: TerraformJson): StackQueue[] {
  const stack = new StackResources(json);
  const deadLetters = deadLetterQueues(stack);
  return stack.ofType("aws_ecs_service").flatMap((service) => {
    const taskDefinition = stack
      .ofType("aws_ecs_task_definition")
      .find((one) => referencesIn(service.config.task_definition).includes(one.address));
    const given = referencesIn(taskDefinition?.config.container_definitions);
    return stack
      .ofType("aws_sqs_queue")
      .filter((queue) => given.includes(queue.address) && !deadLetters.has(queue.address))
      .flatMap((queue) => {
        const queueName = literal(queue.config.name);
        const serviceName = literal(service.config.name);
        if (!queueName || !serviceName) return [];
        const deadLetter = stack.ofType("aws_sqs_queue").find((one) => referencesIn(queue.config.redrive_policy).includes(one.address));
        return [{ service: serviceName, queueName, deadLetterQueueName: literal(deadLetter?.config.name) }];
      });
  });
}

/** A job as `npm run status` shows it. */
export interface JobStatus {
  readonly job: string;
  readonly schedule: string;
  /** The last runs, newest first; none when the state machine is not found. */
  readonly runs: readonly { readonly status: string; readonly started: string; readonly stopped?: string }[];
  readonly found: boolean;
}

/** A job's schedule and its last runs (ListExecutions: one call, plus one to find the machine's ARN by name). */
export async function jobStatus(sfn: SFNClient, job: StackJob, runs = 5): Promise<JobStatus> {
  const schedule = `${job.expression}${job.timezone ? ` ${job.timezone}` : ""}`;
  let arn: string | undefined;
  let nextToken: string | undefined;
  do {
    const page = await sfn.send(new ListStateMachinesCommand({ nextToken }));
    arn = page.stateMachines?.find((machine) => machine.name === job.stateMachineName)?.stateMachineArn;
    nextToken = page.nextToken;
  } while (!arn && nextToken);
  if (!arn) return { job: job.name, schedule, runs: [], found: false };
  const { executions = [] } = await sfn.send(new ListExecutionsCommand({ stateMachineArn: arn, maxResults: runs }));
  return {
    job: job.name,
    schedule,
    found: true,
    runs: executions.map((execution) => ({
      status: execution.status ?? "",
      started: execution.startDate?.toISOString() ?? "",
      stopped: execution.stopDate?.toISOString(),
    })),
  };
}

/** A worker's queue as `npm run status` shows it: messages waiting, being handled, and in the dead-letter queue. */
export interface QueueStatus {
  readonly service: string;
  readonly queue: string;
  readonly waiting?: number;
  readonly inFlight?: number;
  readonly deadLetters?: number;
}

/** A queue's depth (GetQueueAttributes, SQS's approximate counts), and its dead-letter queue's. */
export async function queueStatus(sqs: SQSClient, queue: StackQueue): Promise<QueueStatus> {
  const counts = async (name: string) => {
    const { QueueUrl } = await sqs.send(new GetQueueUrlCommand({ QueueName: name }));
    const { Attributes = {} } = await sqs.send(
      new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ["ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible"] }),
    );
    return {
      waiting: Number(Attributes.ApproximateNumberOfMessages ?? 0),
      inFlight: Number(Attributes.ApproximateNumberOfMessagesNotVisible ?? 0),
    };
  };
  const own = await counts(queue.queueName);
  const deadLetters = queue.deadLetterQueueName ? (await counts(queue.deadLetterQueueName)).waiting : undefined;
  return { service: queue.service, queue: queue.queueName, ...own, deadLetters };
}

const field = (label: string, text: string) => `  ${label.padEnd(11)}${text}`;

/** A job's status in a few lines. */
export function formatJobStatus(status: JobStatus): string {
  const runs = status.found
    ? status.runs.length
      ? status.runs.map((run, index) =>
          field(
            index ? "" : "runs",
            `${run.started.slice(0, 19).replace("T", " ")} ${run.status}${run.stopped ? ` (${seconds(run.started, run.stopped)} s)` : ""}`,
          ),
        )
      : [field("runs", "none yet")]
    : [field("runs", "its state machine is not in AWS (not deployed?)")];
  return [`${status.job} (job)`, field("schedule", status.schedule), ...runs].join("\n");
}

/** A worker's queue in one line, under its service's status. */
export function formatQueueStatus(status: QueueStatus): string {
  const deadLetters = status.deadLetters === undefined ? "" : `, ${status.deadLetters} in the dead-letter queue`;
  return field("queue", `${status.queue}: ${status.waiting} waiting, ${status.inFlight} being handled${deadLetters}`);
}

const seconds = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / 1000);
