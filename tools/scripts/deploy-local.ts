// `npm run deploy:local [-- --keep] [-- --stack <name>]`: see the stack work with no AWS account.
// Synthesizes, starts a local AWS API (moto), applies with the real Terraform and AWS provider,
// prints the outputs and what exists, then destroys everything — or, with --keep, leaves it
// running until Ctrl-C.
import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { estimateBeforeApply } from "../../src/cost/format-cost";
import { operationsClients } from "../../src/operations/aws-clients";
import { checkDeployedServices } from "../../src/operations/deploy-check";
import { stackServices } from "../../src/operations/stack-services";
import { deployedTaskDefinitions } from "../../src/operations/terraform-state";
import { awsClients, createHostedZone, createStateBucket, inventory } from "../harness/aws-inventory";
import { type MotoServer, startMoto } from "../harness/moto";
import { terraformEnv } from "../harness/terraform-env";
import { stackFacts, synthesizeToTemp, TerraformWorkspace, withoutDeletionProtection } from "../harness/terraform-workspace";
import { serviceCheckTimeout } from "./durations";

const { values: options } = parseArgs({
  options: {
    keep: { type: "boolean", default: false },
    stack: { type: "string", default: "handson" },
  },
});

const step = (message: string) => console.log(`\n==> ${message}`);
// Terraform's per-resource progress and its totals; the full plan is too long to follow.
const PROGRESS =
  /^\S+: (Creating|Creation complete|Still creating|Destroying|Destruction complete|Still destroying)|^(Plan|Apply complete|Destroy complete)/;
const progress = (line: string) => PROGRESS.test(line) && console.log(`    ${line}`);

let interrupted = false;
const onInterrupt = () => {
  // Terraform, in the same process group, got the signal too and stops gracefully; wait for it.
  interrupted = true;
  console.log("\n(interrupted: waiting for Terraform to stop, then cleaning up)");
};
process.on("SIGINT", onInterrupt);

async function main(): Promise<number> {
  let exitCode = 0;
  step("Synthesizing the stacks");
  const root = synthesizeToTemp();
  let moto: MotoServer | undefined;
  try {
    const { region, s3Backend, hostedZones, deletionProtection } = stackFacts(root, options.stack);
    step("What it would cost on AWS (npm run cost): the emulator is free");
    const json = JSON.parse(readFileSync(join(root, "cdktf.out", "stacks", options.stack, "cdk.tf.json"), "utf8"));
    for (const line of estimateBeforeApply(options.stack, json, region).split("\n")) console.log(`    ${line}`);
    step("Starting the local AWS API (moto)");
    moto = await startMoto();
    console.log(`    listening on ${moto.endpoint}`);
    const workspace = TerraformWorkspace.ofStack(root, options.stack, terraformEnv(moto.env(region)));
    const aws = awsClients(moto.endpoint, region);
    if (s3Backend) {
      console.log(`    creating the state bucket ${s3Backend.bucket} (the stack keeps its state in S3)`);
      await createStateBucket(aws.s3, s3Backend.bucket, s3Backend.region);
    }
    for (const zone of hostedZones) {
      console.log(`    creating the public hosted zone ${zone} (the stack looks it up: your registrar and Route 53 would have it)`);
      await createHostedZone(aws.route53, zone);
    }

    step(`terraform init (${workspace.dir})`);
    await workspace.init();
    step("terraform apply — the load balancer's waiter alone takes about a minute");
    await workspace.apply(progress);

    step("Does every service serve what was deployed? (what npm run deploy checks after its apply)");
    const services = stackServices(json);
    if (services.length) {
      const env = terraformEnv(moto.env(region));
      exitCode = await checkDeployedServices(
        operationsClients(region, { endpoint: moto.endpoint, credentials: { accessKeyId: "test", secretAccessKey: "test" } }),
        services,
        deployedTaskDefinitions(workspace.dir, env),
        {
          timeoutSeconds: serviceCheckTimeout(),
          pollSeconds: 2,
          log: (line) => console.log(`    ${line}`),
          error: (line) => console.error(`    ${line}`),
        },
      );
    } else console.log("    no service yet: nothing to check");

    step("Outputs");
    for (const [name, value] of Object.entries(await workspace.outputs())) console.log(`    ${name} = ${value}`);

    step("What exists now, as the AWS API reports it");
    const found = await inventory(aws);
    console.log(`    resources in the state: ${(await workspace.stateList()).length}`);
    console.log(`    VPCs: ${found.vpcs.join(", ")}`);
    console.log(`    NAT gateways: ${found.natGateways.length}`);
    console.log(`    load balancers: ${found.loadBalancers.join(", ")}; target groups: ${found.targetGroups.join(", ")}`);
    console.log(`    ECS clusters: ${found.clusters.join(", ")}; services: ${found.services.join(", ")}`);

    if (options.keep && !interrupted) {
      step("Kept running. In another shell:");
      console.log(`    export AWS_ENDPOINT_URL=${moto.endpoint} AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test AWS_REGION=${region}`);
      console.log(`    terraform -chdir=${workspace.dir} state list`);
      console.log("    Press Ctrl-C here to stop: everything lives in the emulator's memory and goes with it.");
      process.removeListener("SIGINT", onInterrupt);
      await new Promise<void>((resolve) => process.once("SIGINT", () => resolve()));
      console.log("\n    stopping the emulator");
      return exitCode;
    }
    if (interrupted) return exitCode;

    if (deletionProtection) {
      step("Turning the load balancer's deletion protection off first, as you would before destroying on purpose");
      synthesizeToTemp({ into: root, edit: withoutDeletionProtection });
      await workspace.apply(progress);
    }
    step("terraform destroy");
    await workspace.destroy(progress);
    const left = await inventory(aws);
    const remaining = Object.values(left).flat().length;
    console.log(remaining ? `    left behind: ${JSON.stringify(left)}` : "    nothing left behind");
    return exitCode;
  } finally {
    await moto?.stop();
    rmSync(root, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(interrupted ? 130 : code),
  (error: Error) => {
    console.error(`\ndeploy:local failed: ${error.message}`);
    process.exit(interrupted ? 130 : 1);
  },
);
