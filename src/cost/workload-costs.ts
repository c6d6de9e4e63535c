// What the kinds of service beyond `web` add to the bill: a worker's queue requests, a job's
// schedule, state machine and run time, the Cloud Map instances of Service Connect, and what quiet
// hours save. Priced from the synthesized Terraform, like the rest of the estimate.
import { deadLetterQueues, quietHoursOf, scheduledCapacity } from "../checks/stack-queries";
import { blocks, referencesIn, type StackResource, type StackResources } from "../terraform/terraform-json";
import { HOURS_PER_MONTH, type RegionPrices } from "./prices";
import { hoursBetween, runsPerMonth } from "./schedule-expressions";

/** Adds a priced line: what, for which resource, how much, in what unit, at what price. */
export type AddLine = (item: string, address: string, quantity: number, unit: string, price: number) => void;

/** Minutes a job's run takes when the estimate is not told: the default of `schedule.expectedRunMinutes`. */
export const DEFAULT_RUN_MINUTES = 5;

const round = (value: number) => Math.round(value * 100) / 100;
const many = (count: number, one: string) => `${round(count)} ${one}${count === 1 ? "" : "s"}`;

/** A consumed queue's requests: a share of the requests assumed (dead-letter queues take only the failures, left out). */
export function priceQueue(
  stack: StackResources,
  queue: StackResource,
  requestsPerMonth: number,
  prices: RegionPrices,
  add: AddLine,
): void {
  if (deadLetterQueues(stack).has(queue.address)) return;
  const consumed = stack.ofType("aws_sqs_queue").filter((one) => !deadLetterQueues(stack).has(one.address)).length;
  add(
    `SQS requests, ${requestsPerMonth / consumed} a month assumed (--queue-requests; the first million a month are free, not deducted)`,
    queue.address,
    requestsPerMonth / consumed / 1e6,
    "million requests",
    prices.sqsMillionRequests,
  );
}

/**
 * A job: the schedule's invocations, its state machine's transitions, and its task's Fargate time
 * (runs a month × minutes a run × the task's vCPU and memory). `runMinutes` by the schedule's name.
 */
export function priceSchedule(
  stack: StackResources,
  schedule: StackResource,
  runMinutes: Readonly<Record<string, number>>,
  prices: RegionPrices,
  add: AddLine,
): void {
  const expression = String(schedule.config.schedule_expression ?? "");
  const enabled = (schedule.config.state ?? "ENABLED") === "ENABLED";
  const runs = enabled ? runsPerMonth(expression) : 0;
  if (runs === undefined) return;
  const zone = typeof schedule.config.schedule_expression_timezone === "string" ? ` ${schedule.config.schedule_expression_timezone}` : "";
  add(
    `Scheduler invocations, ${expression}${zone}: ${many(runs, "run")} a month (the first 14 million free, not deducted)`,
    schedule.address,
    runs,
    "invocations",
    prices.schedulerMillionInvocations / 1e6,
  );
  const targets = blocks(schedule.config.target).flatMap((target) => referencesIn(target.arn));
  for (const machine of stack.ofType("aws_sfn_state_machine").filter((one) => targets.includes(one.address))) {
    const definition = String(machine.config.definition ?? "");
    // Each state entered is a transition; a run that succeeds the first time enters each once.
    const states = Math.max(1, [...definition.matchAll(/"?Type"?\s*[:=]\s*"(Task|Pass|Choice|Wait|Succeed|Fail|Parallel|Map)"/g)].length);
    add(
      `Step Functions state transitions, ${many(runs, "run")} × ${many(states, "state")} (the first 4,000 a month free, not deducted)`,
      machine.address,
      runs * states,
      "transitions",
      prices.stepFunctionsThousandTransitions / 1000,
    );
    const name = String(schedule.config.name ?? "");
    const minutes = runMinutes[name] ?? DEFAULT_RUN_MINUTES;
    for (const task of stack.ofType("aws_ecs_task_definition").filter((one) => referencesIn(definition).includes(one.address))) {
      const vcpu = Number(task.config.cpu) / 1024;
      const gb = Number(task.config.memory) / 1024;
      const arm = blocks(task.config.runtime_platform).some((platform) => platform.cpu_architecture === "ARM64");
      const hours = (runs * minutes) / 60;
      const kind = arm ? "ARM64" : "x86";
      const each = `${many(runs, "run")} × ${minutes} min${name in runMinutes ? "" : " (schedule.expectedRunMinutes' default)"}`;
      add(
        `Fargate vCPU (${kind}) of the job's runs, ${each} × ${vcpu}`,
        task.address,
        hours * vcpu,
        "vCPU-hours",
        arm ? prices.fargateArmVcpuHour : prices.fargateVcpuHour,
      );
      add(
        `Fargate memory (${kind}) of the job's runs, ${each} × ${gb} GB`,
        task.address,
        hours * gb,
        "GB-hours",
        arm ? prices.fargateArmGbHour : prices.fargateGbHour,
      );
      if (/"?AssignPublicIp"?\s*[:=]\s*"ENABLED"/.test(definition)) {
        add("Public IPv4 addresses of the job's tasks", task.address, hours, "address-hours", prices.publicIpv4Hour);
      }
    }
  }
}

/** The Cloud Map instance Service Connect registers for each task of a service it publishes (an internal service). */
export function priceServiceConnect(service: StackResource, prices: RegionPrices, add: AddLine): void {
  const publishes = blocks(service.config.service_connect_configuration).some(
    (configuration) => configuration.enabled !== false && blocks(configuration.service).length > 0,
  );
  if (!publishes) return;
  const tasks = Number(service.config.desired_count ?? 0);
  add(`Cloud Map instances Service Connect registers, one per task`, service.address, tasks, "instances", prices.cloudMapInstanceMonth);
}

/**
 * What quiet hours save: the hours a month between the scheduled action that lowers a service's
 * count and the one that restores it, × the tasks fewer, × what one of its tasks costs an hour (its
 * Fargate and public address lines over its tasks' hours). A negative line.
 */
export function priceQuietHours(
  stack: StackResources,
  lines: readonly { address: string; item: string; monthly: number }[],
  add: AddLine,
): void {
  for (const service of stack.ofType("aws_ecs_service")) {
    const quietHours = quietHoursOf(stack, service);
    if (!quietHours) continue;
    const { start, end } = quietHours;
    const quiet = scheduledCapacity(start) ?? Number.NaN;
    const normal = Number(service.config.desired_count ?? 0);
    const hours = hoursBetween(String(start.config.schedule), String(end.config.schedule));
    const fargate = lines
      .filter((line) => line.address === service.address && /^(Fargate|Public IPv4 addresses of the tasks)/.test(line.item))
      .reduce((sum, line) => sum + line.monthly, 0);
    if (hours === undefined || !(normal > quiet) || !fargate) continue;
    const taskHour = fargate / normal / HOURS_PER_MONTH;
    const zone = typeof start.config.timezone === "string" ? ` ${start.config.timezone}` : "";
    add(
      `Quiet hours save: ${many(normal - quiet, "task")} fewer for ${round(hours)} hours a month (${start.config.schedule} to ${end.config.schedule}${zone})`,
      start.address,
      hours * (normal - quiet),
      "task-hours",
      -taskHour,
    );
  }
}
