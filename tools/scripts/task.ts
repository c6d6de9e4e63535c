// `npm run task -- <env> <job-or-service> [--timeout 30] [--poll-interval 5s] [-- command…]`: runs one
// task with the job's or the service's task definition and network (a database migration before a
// release, a job run now), prints the container's logs and exits with the container's exit code.

import { parseArgs } from "node:util";
import { CloudWatchLogsClient } from "@aws-sdk/client-cloudwatch-logs";
import { SFNClient } from "@aws-sdk/client-sfn";
import { WebServiceStack } from "../../src/constructs/web-service-stack";
import { operationsClients } from "../../src/operations/aws-clients";
import { runOneOffTask, stackTaskSources, TASK_EXIT_CODES, type TaskOutput } from "../../src/operations/run-task";
import { stackRegion } from "../../src/operations/stack-services";
import { parseDuration } from "./durations";
import { synthesizedEnvironments } from "./synthesized-environments";

const USAGE = "usage: npm run task -- <env> <job-or-service> [--timeout <minutes>|30m|1h] [--poll-interval 5s] [-- command arg…]";

async function main(): Promise<number> {
  // What follows `--` is the container's command, options and all.
  const argv = process.argv.slice(2);
  const cut = argv.indexOf("--");
  const command = cut < 0 ? undefined : argv.slice(cut + 1);
  const { values, positionals } = parseArgs({
    args: cut < 0 ? argv : argv.slice(0, cut),
    allowPositionals: true,
    options: { timeout: { type: "string" }, "poll-interval": { type: "string", default: "5s" } },
  });
  const [environment, name] = positionals;
  if (!environment || !name || positionals.length > 2 || command?.length === 0) {
    console.error(USAGE);
    return TASK_EXIT_CODES.usage;
  }
  // A bare number is minutes, as a job's maxRunMinutes is.
  const timeout = values.timeout && /^\d+(\.\d+)?$/.test(values.timeout) ? `${values.timeout}m` : values.timeout;
  const [{ stack, written }] = synthesizedEnvironments([environment], "task");
  if (!written) {
    console.error(`${environment}: the policy checks refuse the stack (npm run check): fix it before running a task`);
    return TASK_EXIT_CODES.usage;
  }
  const sources = stackTaskSources(written.json, stack instanceof WebServiceStack ? stack.serviceNamesById : undefined);
  const source = sources.find((one) => one.names.includes(name));
  if (!source) {
    console.error(
      `${environment}: <job-or-service>: must be one of ${sources.map((one) => one.names.join(" or ")).join(", ")}; received ${name}`,
    );
    return TASK_EXIT_CODES.usage;
  }
  const region = stackRegion(written.json);
  const interactive = process.stderr.isTTY === true;
  // The container's lines go to stdout, as they are; the run's own words to stderr.
  const clear = () => (interactive ? "\r\u001b[2K" : "");
  const output: TaskOutput = {
    log: (line) => {
      if (interactive) process.stderr.write(clear());
      console.log(line);
    },
    // On a terminal the state redraws in place; a pipeline's log gets the container's lines and the verdict only.
    progress: (line) => {
      if (interactive) process.stderr.write(`${clear()}${line}`);
    },
    report: (line) => console.error(`${clear()}${line}`),
  };
  const { ecs } = operationsClients(region);
  return runOneOffTask(
    { ecs, logs: new CloudWatchLogsClient({ region }), sfn: new SFNClient({ region }) },
    source,
    {
      command,
      timeoutSeconds: timeout ? parseDuration(timeout, "--timeout") : undefined,
      pollSeconds: parseDuration(values["poll-interval"], "--poll-interval"),
    },
    output,
  );
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    console.error(`task: ${error.message}`);
    process.exit(TASK_EXIT_CODES.didNotRun);
  },
);
