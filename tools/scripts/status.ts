// `npm run status -- <env> [--json]`: what AWS reports of each service of an environment now: the
// image it runs, its tasks and deployments, its targets' health, its alarms, its last events.
import { parseArgs } from "node:util";
import { WebServiceStack } from "../../src/constructs/web-service-stack";
import { operationsClients } from "../../src/operations/aws-clients";
import { EXIT_CODES } from "../../src/operations/report";
import { stackRegion, stackServices } from "../../src/operations/stack-services";
import { formatStatus, serviceStatus } from "../../src/operations/status";
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
  const aws = operationsClients(stackRegion(written.json));
  const statuses = [];
  for (const service of stackServices(written.json, stack instanceof WebServiceStack ? stack.serviceNamesById : undefined))
    statuses.push(await serviceStatus(aws, service));
  console.log(values.json ? JSON.stringify(statuses, null, 2) : statuses.map(formatStatus).join("\n\n"));
  return EXIT_CODES.serving;
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    console.error(`status: ${error.message}`);
    process.exit(EXIT_CODES.notServing);
  },
);
