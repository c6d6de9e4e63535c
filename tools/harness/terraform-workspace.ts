import type { ChildProcess } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { App } from "cdktf";
import { DEFAULT_CONFIG_DIR, defineStacks } from "../../src/app/define-stacks";
import { loadEnvironments } from "../../src/app/environments";
import { changedAttributes, type ShownPlan } from "../../src/impact/plan";
import type { EnvironmentSettings } from "../../src/settings/settings";
import { type LineListener, type RunResult, startCommand } from "./run-command";

/** One planned change, as `terraform show -json` reports it. */
export interface PlannedChange {
  readonly address: string;
  readonly type: string;
  readonly actions: string[];
  /** Top-level attributes whose planned value differs from the current one. */
  readonly changedAttributes: string[];
}

/** A change to an environment's settings before it is synthesized, as a user would edit its file. */
export type SettingsEdit = (name: string, settings: EnvironmentSettings) => EnvironmentSettings;

/**
 * Synthesizes this project's stacks (as `main.ts` does) into a temporary folder, a new one unless
 * `into` names one, and returns it. The folder mirrors a project — `<root>/cdktf.out/stacks/<stack>`
 * — so the stacks' relative state path lands in `<root>`, never in the user's project. `edit`
 * changes the environments' settings first, as a user would edit the files.
 */
export function synthesizeToTemp(options: { into?: string; edit?: SettingsEdit } = {}): string {
  const root = options.into ?? mkdtempSync(join(tmpdir(), "cdktf-fargate-"));
  const app = new App({ outdir: join(root, "cdktf.out") });
  const configDir = process.env.CONFIG_DIR ?? DEFAULT_CONFIG_DIR;
  const { edit } = options;
  if (!edit) {
    defineStacks(app, configDir);
  } else {
    const edited = mkdtempSync(join(tmpdir(), "config-"));
    for (const { name, settings } of loadEnvironments(configDir))
      writeFileSync(join(edited, `${name}.json`), JSON.stringify(edit(name, settings)));
    try {
      defineStacks(app, edited);
    } finally {
      rmSync(edited, { recursive: true, force: true });
    }
  }
  app.synth();
  return root;
}

/** Turns the load balancers' deletion protection off: what a user does, and applies, before destroying on purpose. */
export const withoutDeletionProtection: SettingsEdit = (_, settings) => ({
  ...settings,
  loadBalancer: { ...settings.loadBalancer, deletionProtection: false },
});

/** What the harness needs to know of a synthesized stack: its AWS region, its S3 state bucket, the hosted zones it looks up. */
export interface StackFacts {
  readonly region: string;
  readonly s3Backend?: { readonly bucket: string; readonly key: string; readonly region: string };
  /** Public hosted zones the stack expects to exist, by name. */
  readonly hostedZones: string[];
  /** Whether a load balancer of the stack refuses to be deleted. */
  readonly deletionProtection: boolean;
}

/** Reads the facts of a stack synthesized under `root`. */
export function stackFacts(root: string, stack: string): StackFacts {
  const stacks = readdirSync(join(root, "cdktf.out", "stacks"));
  if (!stacks.includes(stack)) throw new Error(`stack: must be one of ${stacks.join(", ")}; received ${stack}`);
  const config = JSON.parse(readFileSync(join(root, "cdktf.out", "stacks", stack, "cdk.tf.json"), "utf8"));
  const region = config.provider?.aws?.[0]?.region;
  if (typeof region !== "string") throw new Error(`stack ${stack} has no AWS provider region`);
  const zones = Object.values<{ name?: string }>(config.data?.aws_route53_zone ?? {});
  return {
    region,
    s3Backend: config.terraform?.backend?.s3,
    hostedZones: zones.flatMap((zone) => (zone.name ? [zone.name] : [])),
    deletionProtection: Object.values<{ enable_deletion_protection?: boolean }>(config.resource?.aws_lb ?? {}).some(
      (lb) => lb.enable_deletion_protection === true,
    ),
  };
}

/** A directory of Terraform configuration, with Terraform run in it under a given environment. */
export class TerraformWorkspace {
  /** The working directory of a stack synthesized under `root`: `<root>/cdktf.out/stacks/<stack>`. */
  static ofStack(root: string, stack: string, env: NodeJS.ProcessEnv): TerraformWorkspace {
    return new TerraformWorkspace(join(root, "cdktf.out", "stacks", stack), env);
  }

  constructor(
    public readonly dir: string,
    private readonly env: NodeJS.ProcessEnv,
  ) {}

  /** Starts `terraform <args>` without waiting: for tests that signal it mid-way. */
  spawn(args: string[], onLine?: LineListener): { child: ChildProcess; done: Promise<RunResult> } {
    return startCommand("terraform", args, { cwd: this.dir, env: this.env }, onLine);
  }

  /** Runs `terraform <args>` to the end. */
  run(args: string[], onLine?: LineListener): Promise<RunResult> {
    return this.spawn(args, onLine).done;
  }

  /** Runs `terraform <args>` and fails with Terraform's own output unless it exits 0. */
  async must(args: string[], onLine?: LineListener): Promise<RunResult> {
    const result = await this.run(args, onLine);
    if (result.code !== 0) {
      throw new Error(
        `terraform ${args.join(" ")} exited ${result.code ?? result.signal}:\n${result.stderr}\n${result.stdout.slice(-4_000)}`,
      );
    }
    return result;
  }

  init(): Promise<RunResult> {
    return this.must(["init", "-input=false", "-no-color"]);
  }

  apply(onLine?: LineListener): Promise<RunResult> {
    return this.must(["apply", "-auto-approve", "-input=false", "-no-color"], onLine);
  }

  destroy(onLine?: LineListener): Promise<RunResult> {
    return this.must(["destroy", "-auto-approve", "-input=false", "-no-color"], onLine);
  }

  /** Plans, and returns the plan as `terraform show -json` shows it. */
  async shownPlan(): Promise<ShownPlan> {
    await this.must(["plan", "-input=false", "-no-color", "-out=tfplan"]);
    return JSON.parse((await this.must(["show", "-json", "tfplan"])).stdout);
  }

  /** Plans and returns every change that is not a no-op. */
  async plan(): Promise<PlannedChange[]> {
    return ((await this.shownPlan()).resource_changes ?? [])
      .filter((change) => !change.change.actions.every((action) => action === "no-op"))
      .map((change) => ({
        address: change.address,
        type: change.type,
        actions: [...change.change.actions],
        changedAttributes: changedAttributes(change.change),
      }));
  }

  /** The stack's outputs, as plain values. */
  async outputs(): Promise<Record<string, unknown>> {
    const shown: Record<string, { value: unknown }> = JSON.parse((await this.must(["output", "-json"])).stdout);
    return Object.fromEntries(Object.entries(shown).map(([name, output]) => [name, output.value]));
  }

  /** Every address recorded in the state. */
  async stateList(): Promise<string[]> {
    const result = await this.run(["state", "list"]);
    if (result.code !== 0 && /No state file was found/.test(result.stderr)) return [];
    if (result.code !== 0) throw new Error(`terraform state list failed:\n${result.stderr}`);
    return result.stdout.split("\n").filter(Boolean).sort();
  }

  /** The state as the backend holds it (`terraform state pull`), whichever backend that is. */
  async state(): Promise<{ serial: number; lineage: string; resources: unknown[] }> {
    return JSON.parse((await this.must(["state", "pull"])).stdout);
  }
}
