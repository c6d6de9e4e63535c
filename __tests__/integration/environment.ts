import { type ChildProcess, spawnSync } from "node:child_process";
import { rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { DescribeServicesCommand } from "@aws-sdk/client-ecs";
import { explainPlan, type Impact, type PlanImpact } from "../../src/impact/explain-plan";
import type { EnvironmentSettings } from "../../src/settings/settings";
import { type AwsClients, awsClients, createHostedZone, createStateBucket, type Inventory } from "../../tools/harness/aws-inventory";
import { type MotoServer, startMoto } from "../../tools/harness/moto";
import type { RunResult } from "../../tools/harness/run-command";
import { terraformEnv } from "../../tools/harness/terraform-env";
import { type StackFacts, stackFacts, synthesizeToTemp, TerraformWorkspace } from "../../tools/harness/terraform-workspace";

const ROOT = resolve(__dirname, "../..");

/** What the AWS API reports once a stack is destroyed. */
export const NOTHING_LEFT: Inventory = {
  vpcs: [],
  natGateways: [],
  loadBalancers: [],
  targetGroups: [],
  clusters: [],
  services: [],
  logGroups: [],
  roles: [],
  scalableTargets: [],
  certificates: [],
  webAcls: [],
  logBuckets: [],
  flowLogs: [],
  alarms: [],
  topics: [],
  eventRules: [],
  parameters: [],
  oidcProviders: [],
  taskDefinitions: [],
  queues: [],
  schedules: [],
  stateMachines: [],
  namespaces: [],
};

export const APPLY = ["apply", "-auto-approve", "-input=false", "-no-color"];
// The load balancer's create waiter runs for about a minute against moto: a window in which
// something done "mid-apply" always lands with resources both finished and in flight.
const MID_APPLY = "aws_lb.main: Creating...";

/**
 * Starts an apply and calls `act` two seconds after Terraform prints `when` (by default: the start
 * of the load balancer's creation, while quicker resources may still be in flight too).
 */
export function applyAndActMidway(workspace: TerraformWorkspace, act: (child: ChildProcess) => void, when = MID_APPLY): Promise<RunResult> {
  let acted = false;
  const run = workspace.spawn(APPLY, (line) => {
    if (!acted && line.includes(when)) {
      acted = true;
      setTimeout(() => act(run.child), 2_000);
    }
  });
  return run.done;
}

/**
 * The stack written as plain HCL by `npm run hcl` (its script, run in the environment's project
 * folder), ready to plan on the state the JSON was applied to.
 */
export async function hclWorkspace(e: Environment, stack: string): Promise<TerraformWorkspace> {
  const run = spawnSync(join(ROOT, "node_modules/.bin/tsx"), [join(ROOT, "tools/scripts/hcl.ts")], {
    cwd: e.root,
    env: { ...e.env, CDKTF_OUTDIR: "hcl", CONFIG_DIR: join(ROOT, "config") },
    encoding: "utf8",
  });
  if (run.status !== 0) throw new Error(`npm run hcl exited ${run.status}: ${run.stderr}`);
  const workspace = new TerraformWorkspace(join(e.root, "hcl", "stacks", stack), e.env);
  await workspace.init();
  return workspace;
}

/** A fresh moto server, the stacks synthesized into a temporary project, and SDK clients for both. */
export interface Environment {
  readonly moto: MotoServer;
  /** The temporary project folder the stacks were synthesized into. */
  readonly root: string;
  readonly facts: StackFacts;
  readonly workspace: TerraformWorkspace;
  readonly aws: AwsClients;
  /** Environment for a CLI (terraform, cdktf) that should talk to this moto server. */
  readonly env: NodeJS.ProcessEnv;
  dispose(): Promise<void>;
}

/**
 * Sets up one stack (one environment file) against its own moto server, with what a user has
 * before the first apply: the state bucket, the public hosted zones the stack looks up.
 */
export async function startEnvironment(stack = "handson"): Promise<Environment> {
  const root = synthesizeToTemp();
  const facts = stackFacts(root, stack);
  const moto = await startMoto();
  const env = terraformEnv(moto.env(facts.region));
  const aws = awsClients(moto.endpoint, facts.region);
  if (facts.s3Backend) await createStateBucket(aws.s3, facts.s3Backend.bucket, facts.s3Backend.region);
  for (const zone of facts.hostedZones) await createHostedZone(aws.route53, zone);
  return {
    moto,
    root,
    facts,
    workspace: TerraformWorkspace.ofStack(root, stack, env),
    aws,
    env,
    dispose: async () => {
      await moto.stop();
      rmSync(root, { recursive: true, force: true });
    },
  };
}

/**
 * What a user does to change a live stack: writes the settings as the stack's file, has the plan
 * explained, applies it, and finds nothing left to change. Returns the explanation given before.
 */
export async function changeLiveStack(e: Environment, stack: string, next: EnvironmentSettings): Promise<PlanImpact> {
  synthesizeToTemp({ into: e.root, edit: (name, current) => (name === stack ? next : current) });
  const impact = explainPlan(await e.workspace.shownPlan());
  await e.workspace.apply();
  expect(await e.workspace.plan()).toEqual([]);
  return impact;
}

/** The explained change of one resource, if the plan changes it. */
export const impactOf = (impact: PlanImpact, address: string): Impact | undefined => impact.impacts.find((one) => one.address === address);

/** The tutorial applied on a local AWS API of its own: the live stack a file of tests changes. */
export async function appliedTutorial(): Promise<Environment> {
  const e = await startEnvironment("handson");
  await e.workspace.init();
  await e.workspace.apply();
  return e;
}

/** An ECS service as the API describes it. */
export async function describedService(e: Environment, cluster: string, name: string) {
  return (await e.aws.ecs.send(new DescribeServicesCommand({ cluster, services: [name] }))).services![0];
}
