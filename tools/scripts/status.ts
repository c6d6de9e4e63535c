// `npm run status -- <env> [--json]`: what AWS reports of each service of an environment now: the
// image it runs, its tasks and deployments, its targets' health, its alarms, its last events; a
// worker's queue depth; each job's schedule and last runs (in --json, entries after the services).
import { parseArgs } from "node:util";
import { SFNClient } from "@aws-sdk/client-sfn";
import { SQSClient } from "@aws-sdk/client-sqs";
import { WebServiceStack } from "../../src/constructs/web-service-stack";
import { operationsClients } from "../../src/operations/aws-clients";
import { EXIT_CODES } from "../../src/operations/report";
import { stackRegion, stackServices } from "../../src/operations/stack-services";
import { formatStatus, serviceStatus } from "../../src/operations/status";
import { formatJobStatus, formatQueueStatus, jobStatus, queueStatus, stackJobs, stackQueues } from "../../src/operations/workload-status";
import { synthesizedEnvironments } from "./synthesized-environments";

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { json: { type: "boolean", default: false } } });
  const [environment] = positionals;
  if (!environment || positionals.length > 1) {
    console.error("usage: npm run status -- <env> [--json]");
    return EXIT_CODES.usage;
  }
  const [{ stack, written }] = synthesizedEnvironments([environment], "status");
  if (!written) {
    console.error(`${environment}: the policy checks refuse the stack (npm run check)`);
    return EXIT_CODES.usage;
  }
  const region = stackRegion(written.json);
  const aws = operationsClients(region);
  const queues = stackQueues(written.json);
  const sqs = queues.length ? new SQSClient({ region }) : undefined;
  const statuses = [];
  const texts = [];
  for (const service of stackServices(written.json, stack instanceof WebServiceStack ? stack.serviceNamesById : undefined)) {
    const status = await serviceStatus(aws, service);
    const queue = sqs && queues.find((one) => one.service === service.serviceName);
    const depth = sqs && queue ? await queueStatus(sqs, queue) : undefined;
    statuses.push(depth ? { ...status, queue: depth } : status);
    texts.push(depth ? `${formatStatus(status)}\n${formatQueueStatus(depth)}` : formatStatus(status));
  }
  const jobs = stackJobs(written.json);
  if (jobs.length) {
    const sfn = new SFNClient({ region });
    for (const job of jobs) {
      const status = await jobStatus(sfn, job);
      statuses.push(status);
      texts.push(formatJobStatus(status));
    }
  }
  console.log(values.json ? JSON.stringify(statuses, null, 2) : texts.join("\n\n"));
  return EXIT_CODES.serving;
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    console.error(`status: ${error.message}`);
    process.exit(EXIT_CODES.notServing);
  },
);
