import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { DescribeAlarmsCommand } from "@aws-sdk/client-cloudwatch";
import { DescribeServicesCommand, DescribeTaskDefinitionCommand } from "@aws-sdk/client-ecs";
import { ListTargetsByRuleCommand } from "@aws-sdk/client-eventbridge";
import { GetRoleCommand } from "@aws-sdk/client-iam";
import { ListSubscriptionsByTopicCommand, ListTopicsCommand } from "@aws-sdk/client-sns";
import { GetParameterCommand } from "@aws-sdk/client-ssm";
import { App } from "cdktf";
import { defineStacks } from "../../src/app/define-stacks";
import { operationsClients } from "../../src/operations/aws-clients";
import { acquireStateLock } from "../../src/operations/state-lock";
import type { EnvironmentFile, ServiceSettings } from "../../src/settings/settings";
import { type AwsClients, awsClients, createStateBucket, inventory } from "../../tools/harness/aws-inventory";
import { type MotoServer, startMoto } from "../../tools/harness/moto";
import { type RunResult, startCommand } from "../../tools/harness/run-command";
import { terraformEnv } from "../../tools/harness/terraform-env";
import { TerraformWorkspace } from "../../tools/harness/terraform-workspace";
import { twoServices } from "../../tools/harness/two-services";
import { NOTHING_LEFT } from "./environment";

const PROJECT = resolve(__dirname, "../..");
const REGION = "ap-northeast-1";
const BUCKET = "ship-terraform-state";
const KEY = "ship/terraform.tfstate";

/** Two services on one platform: `web`'s images deployed by releases, `api`'s by terraform apply. */
function shipFile(edit: { web?: ServiceSettings; api?: ServiceSettings; deletionProtection?: boolean } = {}): EnvironmentFile {
  return twoServices({
    name: "ship",
    region: REGION,
    state: { bucket: BUCKET, key: KEY },
    web: edit.web,
    api: edit.api,
    platform: {
      loadBalancer: { deletionProtection: edit.deletionProtection ?? true, accessLogs: false },
      notifications: { emails: ["ops@example.com"] },
      githubDeployRoles: { repository: "example/ship" },
      suppressions: [
        {
          rule: "IAM-NO-WILDCARDS",
          resource: "aws_iam_role_policy.github_infrastructure",
          reason: "The pipeline's role applies the stack.",
        },
      ],
    },
  });
}

// GIVEN a team that ships `web` many times a day from CI and changes the infrastructure now and then
describe("releases from CI that Terraform never undoes, and deploys that report the truth", () => {
  let moto: MotoServer;
  let aws: AwsClients;
  let env: NodeJS.ProcessEnv;
  let workspace: TerraformWorkspace;
  const config = mkdtempSync(join(tmpdir(), "config-"));
  const root = mkdtempSync(join(tmpdir(), "cdktf-fargate-"));
  const outdir = join(root, "cdktf.out");

  /** Writes the environment file and synthesizes it into the test's cdktf.out, as the CLI would. */
  const write = (file: EnvironmentFile) => {
    writeFileSync(join(config, "ship.json"), JSON.stringify(file));
    const app = new App({ outdir });
    defineStacks(app, config);
    app.synth();
  };
  /** A project script as users run it: `npm run <script>`, in the project, with the test's files and emulator. */
  const npm = (script: string, args: string[], extra: NodeJS.ProcessEnv = {}): Promise<RunResult> =>
    startCommand("npm", ["run", "--silent", script, "--", ...args], {
      cwd: PROJECT,
      env: { ...env, CONFIG_DIR: config, CI: "true", SERVICE_CHECK_TIMEOUT: "60s", ...extra },
    }).done;
  const release = (...args: string[]) => npm("release", ["ship", "--poll-interval", "1s", "--timeout", "60s", ...args]);
  const deploy = () => npm("deploy", ["ship", "--auto-approve", "--skip-provider-lock", "--output", outdir]);
  const parameter = async () => (await aws.ssm.send(new GetParameterCommand({ Name: "/ecs/ship/image" }))).Parameter!.Value;
  const running = async (service: string) => {
    const { services } = await aws.ecs.send(new DescribeServicesCommand({ cluster: "ship", services: [service] }));
    const { taskDefinition } = await aws.ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition: services![0].taskDefinition }));
    return { revision: `${taskDefinition!.family}:${taskDefinition!.revision}`, container: taskDefinition!.containerDefinitions![0] };
  };

  beforeAll(async () => {
    moto = await startMoto();
    env = terraformEnv(moto.env(REGION));
    aws = awsClients(moto.endpoint, REGION);
    await createStateBucket(aws.s3, BUCKET, REGION);
    write(shipFile());
    workspace = new TerraformWorkspace(join(outdir, "stacks", "ship"), env);
  });
  afterAll(async () => {
    await moto?.stop();
    for (const dir of [config, root]) rmSync(dir, { recursive: true, force: true });
  });

  it("deploys on an empty account with npm run deploy, which says that every service serves", async () => {
    const deployed = await deploy();
    expect(deployed.code, deployed.stderr + deployed.stdout.slice(-3_000)).toBe(0);
    expect(deployed.stdout).toMatch(/ship: serving nginx:1\.26 \(ship:1\): 1\/1 tasks running, 1 healthy target/);
    expect(deployed.stdout).toMatch(/ship-api: serving nginx:1\.26 \(ship-api:1\): 1\/1 tasks running, 1 healthy target/);
    expect(await parameter()).toBe("nginx:1.26");
  });

  it("has alarms that roll deployments back and notify the topic, a rule for failed deployments, and the pipeline's roles", async () => {
    const { MetricAlarms } = await aws.cloudwatch.send(new DescribeAlarmsCommand({ AlarmNamePrefix: "ship" }));
    expect(MetricAlarms!.map((alarm) => alarm.AlarmName).sort()).toEqual(
      ["ship", "ship-api"].flatMap((name) => [`${name}-response-time`, `${name}-target-5xx`, `${name}-unhealthy-targets`]).sort(),
    );
    const [{ TopicArn }] = (await aws.sns.send(new ListTopicsCommand({}))).Topics!;
    expect(TopicArn).toMatch(/:ship-notifications$/);
    expect(MetricAlarms!.every((alarm) => alarm.AlarmActions?.[0] === TopicArn && alarm.OKActions?.[0] === TopicArn)).toBe(true);
    expect(MetricAlarms!.find((alarm) => alarm.AlarmName === "ship-response-time")).toMatchObject({
      MetricName: "TargetResponseTime",
      ExtendedStatistic: "p95",
      Threshold: 2,
      EvaluationPeriods: 3,
    });
    const { Subscriptions } = await aws.sns.send(new ListSubscriptionsByTopicCommand({ TopicArn }));
    expect(Subscriptions!.map((one) => [one.Protocol, one.Endpoint])).toEqual([["email", "ops@example.com"]]);
    const { Targets } = await aws.events.send(new ListTargetsByRuleCommand({ Rule: "ship-deployment-failed" }));
    expect(Targets!.map((target) => target.Arn)).toEqual([TopicArn]);

    const { services } = await aws.ecs.send(new DescribeServicesCommand({ cluster: "ship", services: ["ship"] }));
    expect(services![0].deploymentConfiguration?.alarms).toEqual({
      alarmNames: ["ship-target-5xx", "ship-unhealthy-targets", "ship-response-time"],
      enable: true,
      rollback: true,
    });
    for (const role of ["github-plan", "github-infra", "github-release"]) {
      const { Role } = await aws.iam.send(new GetRoleCommand({ RoleName: `ship-${REGION}-${role}` }));
      expect(JSON.parse(decodeURIComponent(Role!.AssumeRolePolicyDocument!)).Statement[0].Action).toBe("sts:AssumeRoleWithWebIdentity");
    }
    expect((await inventory(aws)).oidcProviders).toHaveLength(1);
  });

  it("releases an image, following the rollout until it serves, after which Terraform plans nothing", async () => {
    const released = await release("--service", "web", "--image", "nginx:1.27");
    expect(released.code, released.stderr + released.stdout).toBe(0);
    expect(released.stdout).toContain("ship: registered ship:2 (nginx:1.27), the copy of ship:1 with the new image");
    expect(released.stdout).toMatch(/ship: serving nginx:1\.27 \(ship:2\): 1\/1 tasks running, 1 healthy target, after \d+ s\./);
    expect(await parameter()).toBe("nginx:1.27");
    expect((await running("ship")).container.image).toBe("nginx:1.27");
    // The revision before is deregistered: Terraform's task definition follows the family's latest.
    expect((await inventory(aws)).taskDefinitions).toEqual(["ship-api:1", "ship:2"]);
    expect(await workspace.plan()).toEqual([]);
  });

  it("shows it all on npm run status, as the AWS API reports it", async () => {
    const shown = await npm("status", ["ship", "--json"]);
    expect(shown.code, shown.stderr).toBe(0);
    const [web, api] = JSON.parse(shown.stdout).sort((a: { service: string }, b: { service: string }) =>
      a.service.localeCompare(b.service),
    );
    expect(web).toMatchObject({ service: "ship", cluster: "ship", image: "nginx:1.27", taskDefinition: "ship:2", desired: 1, running: 1 });
    expect(web.deployments).toEqual([expect.objectContaining({ status: "PRIMARY", rolloutState: "COMPLETED", taskDefinition: "ship:2" })]);
    expect(web.targets).toMatchObject({ healthy: 1, unhealthy: 0 });
    expect(web.alarms.map((alarm: { name: string }) => alarm.name)).toEqual([
      "ship-target-5xx",
      "ship-unhealthy-targets",
      "ship-response-time",
    ]);
    expect(web.events.length).toBeGreaterThan(0);
    expect(api).toMatchObject({ service: "ship-api", image: "nginx:1.26" });
    const screen = await npm("status", ["ship"]);
    expect(screen.stdout).toContain("ship (cluster ship)\n  image      nginx:1.27 (ship:2)");
  });

  it("keeps the released image through a later change of another setting", async () => {
    write(shipFile({ web: { environment: { COLOR: "blue" } } }));
    await workspace.apply();
    const { revision, container } = await running("ship");
    expect(revision).toBe("ship:3");
    expect(container).toMatchObject({ image: "nginx:1.27", environment: [{ name: "COLOR", value: "blue" }] });
    expect(await workspace.plan()).toEqual([]);
  });

  it("exits non-zero when a release is rolled back, naming the service and the cause, and leaves everything as it was", async () => {
    const failed = await release("--service", "web", "--image", "nginx:unhealthy");
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain(
      "ship: the deployment of nginx:unhealthy (ship:4) was rolled back: deployment failed: tasks failed to start; the service runs ship:3 again.",
    );
    expect(failed.stderr).toMatch(/stopped tasks? .*Essential container in task exited/);
    expect(failed.stderr).toContain("deployment failed: tasks failed to start.");
    expect(await parameter()).toBe("nginx:1.27");
    expect((await running("ship")).revision).toBe("ship:3");
    expect(await workspace.plan()).toEqual([]);
  });

  it("puts the image released before back with --to-previous", async () => {
    const back = await release("--service", "web", "--to-previous");
    expect(back.code, back.stderr + back.stdout).toBe(0);
    expect(back.stdout).toMatch(/ship: serving nginx:1\.26 \(ship:5\)/);
    expect(await parameter()).toBe("nginx:1.26");
    expect(await workspace.plan()).toEqual([]);
  });

  it("refuses a release of a service whose images terraform apply deploys, saying what to do", async () => {
    const refused = await release("--service", "api", "--image", "nginx:1.27");
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('ship: ship-api: its image is deployed by terraform apply ("imageDeployedBy": "apply")');
  });

  it("never runs beside Terraform: an apply stops on a release's lock, and a release waits for an apply's", async () => {
    // A release holds the state lock while it runs: an apply started then stops, naming it.
    const lock = await acquireStateLock(
      { kind: "s3", bucket: BUCKET, key: KEY, region: REGION },
      operationsClients(REGION, { endpoint: moto.endpoint, credentials: { accessKeyId: "test", secretAccessKey: "test" } }).s3,
      { operation: "npm run release (ship → nginx:1.28)", timeoutSeconds: 0, stackDir: workspace.dir },
    );
    const applied = await workspace.run(["apply", "-auto-approve", "-input=false", "-no-color", "-lock-timeout=0s"]);
    await lock.release();
    expect(applied.code).toBe(1);
    expect(applied.stderr).toContain("Error acquiring the state lock");
    expect(applied.stderr).toContain("npm run release (ship → nginx:1.28)");

    // An apply waiting for its approval holds the lock: a release started then gives up, naming it.
    write(shipFile({ api: { desiredCount: 2 } }));
    const waiting = spawn("terraform", ["apply", "-no-color"], { cwd: workspace.dir, env, stdio: ["pipe", "pipe", "pipe"] });
    await untilPrinted(waiting, "Enter a value:");
    const blocked = await release("--service", "web", "--image", "nginx:1.28", "--lock-timeout", "3s");
    waiting.stdin!.end("no\n");
    await new Promise((done) => waiting.once("close", done));
    expect(blocked.code).toBe(1);
    expect(blocked.stderr).toMatch(/the state s3:\/\/ship-terraform-state\/ship\/terraform\.tfstate is locked by OperationTypeApply/);
    write(shipFile());
  });

  it("exits npm run deploy non-zero when ECS rolled back the deployment Terraform applied, though Terraform says it is complete", async () => {
    write(shipFile({ api: { image: "nginx:unhealthy" } }));
    const deployed = await deploy();
    expect(deployed.stdout).toContain("Apply complete!");
    expect(deployed.code).toBe(1);
    expect(deployed.stderr).toContain("ship-api: the deployment of nginx:unhealthy (ship-api:2) was rolled back");
    expect(deployed.stderr).toMatch(/stopped tasks? .*Essential container in task exited/);
  });

  it("destroys everything, the release's revisions, parameter, alarms, topic, rules and roles included", async () => {
    write(shipFile({ deletionProtection: false }));
    await workspace.apply();
    await workspace.destroy();
    expect(await inventory(aws)).toEqual(NOTHING_LEFT);
  });
});

/** Resolves once a child process prints `text` on its standard output. */
function untilPrinted(child: ChildProcess, text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    let seen = "";
    child.stdout!.on("data", (chunk: Buffer) => {
      seen += chunk.toString();
      if (seen.includes(text)) resolve();
    });
    child.once("close", () => reject(new Error(`exited before printing ${JSON.stringify(text)}:\n${seen.slice(-2_000)}`)));
  });
}
