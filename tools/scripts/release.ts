// `npm run release -- <env> [--service <id>] --image <reference> | --to-previous`: deploys a new
// image of a service whose images releases own ("imageDeployedBy": "release"), without Terraform,
// from any CI with AWS credentials, and exits 0 only when the new revision serves.
import { join } from "node:path";
import { parseArgs } from "node:util";
import { WebServiceStack } from "../../src/constructs/web-service-stack";
import { operationsClients } from "../../src/operations/aws-clients";
import { type ReleaseOutput, releaseImage } from "../../src/operations/release";
import { EXIT_CODES } from "../../src/operations/report";
import { stackBackend, stackRegion, stackServices } from "../../src/operations/stack-services";
import { parseDuration } from "./durations";
import { synthesizedEnvironments } from "./synthesized-environments";

const USAGE =
  "usage: npm run release -- <env> [--service <name>] (--image <reference> | --to-previous) [--timeout 15m] [--lock-timeout 5m] [--poll-interval 5s]";

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      service: { type: "string" },
      image: { type: "string" },
      "to-previous": { type: "boolean", default: false },
      timeout: { type: "string", default: "15m" },
      "lock-timeout": { type: "string", default: "5m" },
      "poll-interval": { type: "string", default: "5s" },
    },
  });
  const [environment] = positionals;
  if (!environment || positionals.length > 1 || Boolean(values.image) === values["to-previous"]) {
    console.error(USAGE);
    return EXIT_CODES.usage;
  }
  const [{ stack, written }] = synthesizedEnvironments([environment], "release");
  if (!written) {
    console.error(`${environment}: the policy checks refuse the stack (npm run check): fix it before releasing`);
    return EXIT_CODES.usage;
  }
  const services = stackServices(written.json, stack instanceof WebServiceStack ? stack.serviceNamesById : undefined);
  const chosen = values.service ? services.filter((service) => service.names.includes(values.service!)) : services;
  if (chosen.length !== 1) {
    const names = services.map((service) => service.names.join(" or ")).join(", ");
    console.error(
      values.service
        ? `${environment}: --service: must be one of ${names}; received ${values.service}`
        : `${environment}: --service: must name one of ${names}`,
    );
    return EXIT_CODES.usage;
  }
  const [target] = chosen;
  if (!target.imageParameter) {
    console.error(
      `${environment}: ${target.serviceName}: its image is deployed by terraform apply ("imageDeployedBy": "apply"): ` +
        `set "imageDeployedBy": "release" for it and apply once, or change its image in the file and apply`,
    );
    return EXIT_CODES.usage;
  }
  const interactive = process.stdout.isTTY === true;
  let last = "";
  const output: ReleaseOutput = {
    progress: (line) => {
      if (interactive) {
        process.stdout.write(`\r\u001b[2K${line}`);
        return;
      }
      // In a CI log: a line each time the state changes, not each poll.
      const state = line.replace(/ \(\d+ s\)$/, "");
      if (state !== last) console.log(line);
      last = state;
    },
    log: (line) => console.log(`${interactive ? "\r\u001b[2K" : ""}${line}`),
    error: (line) => console.error(`${interactive ? "\r\u001b[2K" : ""}${line}`),
  };
  return releaseImage(
    operationsClients(stackRegion(written.json)),
    { ...target, imageParameter: target.imageParameter },
    stackBackend(written.json),
    join(process.cwd(), "cdktf.out", "stacks", environment),
    {
      image: values.image,
      toPrevious: values["to-previous"],
      timeoutSeconds: parseDuration(values.timeout, "--timeout"),
      lockTimeoutSeconds: parseDuration(values["lock-timeout"], "--lock-timeout"),
      pollSeconds: parseDuration(values["poll-interval"], "--poll-interval"),
    },
    output,
  );
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    console.error(`release: ${error.message}`);
    process.exit(EXIT_CODES.notServing);
  },
);
