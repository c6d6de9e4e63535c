import { posix } from "node:path";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { DefaultTokenResolver, StringConcat, TerraformBackend, TerraformResource, type TerraformStack, Tokenization } from "cdktf";
import type { IConstruct } from "constructs";
import { ADJUSTABLE_QUOTAS } from "../aws/quotas";
import { type NameScope, UNIQUE_NAMES } from "../aws/unique-names";
import { FargateWebService } from "../constructs/fargate-web-service";
import { GithubDeployRoles } from "../constructs/github-deploy-roles";
import { show } from "../settings/problems";

/** A stack, and where its settings come from for messages: its file, or its construct path. */
export interface StackSource {
  readonly stack: TerraformStack;
  readonly source: string;
  /**
   * The deployment the stack is a stage of: stacks sharing one state (the hands-on's chapters) are
   * one deployment at different stages, and do not fight each other.
   * @default - a deployment of its own
   */
  readonly deployment?: string;
}

/** What a set of stacks would fight over in AWS (refuse), and the quotas they reach together (warn). */
export interface CrossStackFindings {
  readonly problems: string[];
  /** Each warning with the stacks it concerns. */
  readonly warnings: { readonly message: string; readonly stacks: TerraformStack[] }[];
}

/** A name one stack asks AWS for. */
interface Claim {
  readonly what: string;
  readonly name: string;
  readonly scope: NameScope;
  /** The parent the name is unique within, when narrower than the scope (a VPC ID given literally). */
  readonly within?: string;
  /** The setting the name comes from (`name`), or the resource attribute a user wrote by hand. */
  readonly field: string;
  readonly setting: unknown;
}

/** The facts of one stack that matter next to other stacks. */
interface StackFacts {
  readonly stack: TerraformStack;
  readonly source: string;
  readonly deployment: string;
  readonly region?: string;
  readonly account?: string;
  readonly claims: Claim[];
  readonly state?: { readonly location: string; readonly field: string; readonly setting: unknown };
  readonly counts: ReadonlyMap<string, number>;
}

const SCOPE_TEXT: Record<NameScope, string> = {
  region: "names AWS keeps unique per account and region",
  account: "names AWS keeps unique per account, in every region",
  global: "names AWS keeps unique across all accounts and regions",
};

/**
 * Two environments that are each valid can still ask AWS for the same thing: the same load
 * balancer name in one region, the same IAM role in one account, the same state object. The second
 * apply would then fail half-way, or adopt the first one's resource and destroy it with its own.
 * This finds every such clash, and the adjustable quotas the stacks exceed together.
 */
export function checkAcrossStacks(stacks: readonly StackSource[]): CrossStackFindings {
  // Names clash only between deployments; reading them resolves every resource, a third of the
  // check's time, which a single deployment (the hands-on, or one environment) need not pay.
  const deployments = new Set(stacks.map(({ stack, deployment = stack.node.path }) => deployment));
  const facts = stacks.map((stack) => stackFacts(stack, deployments.size > 1));
  return { problems: [...nameClashes(facts), ...stateClashes(facts)], warnings: quotaWarnings(facts) };
}

function stackFacts({ stack, source, deployment = stack.node.path }: StackSource, withClaims: boolean): StackFacts {
  const provider = stack.node.children.find((child): child is AwsProvider => child instanceof AwsProvider);
  const region = literal(provider?.region);
  const accounts = provider?.allowedAccountIds;
  const account = accounts?.length === 1 ? literal(accounts[0]) : undefined;
  const claims: Claim[] = [];
  const counts = new Map<string, number>();
  for (const resource of stack.node.findAll().filter((node): node is TerraformResource => node instanceof TerraformResource)) {
    const type = resource.terraformResourceType;
    counts.set(type, (counts.get(type) ?? 0) + 1);
    const uniqueNames = UNIQUE_NAMES[type];
    if (!withClaims || !uniqueNames?.length) continue;
    for (const config of resourceInstances(resourceConfig(resource))) {
      for (const unique of uniqueNames) {
        const name = literal(config[unique.attribute]);
        if (name === undefined) continue;
        // A parent given as a reference is this stack's own resource: no other stack can share it.
        const within = unique.within === undefined ? undefined : literal(config[unique.within]);
        if (unique.within !== undefined && within === undefined) continue;
        claims.push({ what: unique.what, name, scope: unique.scope, within, ...settingOf(resource, unique.attribute, name) });
      }
    }
  }
  return { stack, source, deployment, region, account, claims, state: stateLocation(stack), counts };
}

/** A resource's arguments as they will be written: snake_case, overrides applied, references resolved to `${…}`. */
function resourceConfig(resource: TerraformResource): Record<string, unknown> {
  const resolved = Tokenization.resolve(resource.toTerraform().resource, {
    scope: resource,
    resolver: new DefaultTokenResolver(new StringConcat()),
  });
  const byType = resolved as Record<string, Record<string, Record<string, unknown>>>;
  return Object.values(byType[resource.terraformResourceType])[0];
}

const EACH_KEY = "${each.key}";

/**
 * The instances a resource's arguments stand for: one, or one per key of a `for_each` over a list
 * known at synth (`${toset(["a", "b"])}`), with `each.key` filled in.
 */
export function resourceInstances(config: Record<string, unknown>): Record<string, unknown>[] {
  const keys = /^\$\{toset\((\[.*\])\)\}$/.exec(String(config.for_each ?? ""));
  if (!keys) return [config];
  return (JSON.parse(keys[1]) as string[]).map((key) =>
    Object.fromEntries(Object.entries(config).map(([attribute, value]) => [attribute, value === EACH_KEY ? key : value])),
  );
}

/** The setting a claimed name comes from: a service's domain or `name`, or else the resource's own attribute. */
function settingOf(resource: TerraformResource, attribute: string, name: string): { field: string; setting: unknown } {
  for (let scope: IConstruct | undefined = resource; scope; scope = scope.node.scope) {
    // An account has one GitHub OIDC provider: the second environment names the first's.
    if (scope instanceof GithubDeployRoles) return { field: "githubDeployRoles.oidcProviderArn", setting: undefined };
    if (!(scope instanceof FargateWebService)) continue;
    const https = scope.settings.https;
    if (https?.domain === name) return { field: "https.domain", setting: name };
    if (https?.aliases.includes(name)) return { field: "https.aliases", setting: name };
    return { field: "name", setting: scope.settings.name };
  }
  return { field: `${resource.terraformResourceType}.${resource.friendlyUniqueId}.${attribute}`, setting: name };
}

function stateLocation(stack: TerraformStack): StackFacts["state"] {
  const backend = stack.node.children.find((child): child is TerraformBackend => child instanceof TerraformBackend);
  if (!backend) return undefined;
  const config = (backend.toTerraform() as { terraform: { backend: Record<string, Record<string, unknown>> } }).terraform.backend;
  const s3 = config.s3;
  if (s3) {
    const [bucket, key] = [literal(s3.bucket), literal(s3.key)];
    return bucket && key ? { location: `s3://${bucket}/${key}`, field: "backend.s3.key", setting: key } : undefined;
  }
  const path = literal(config.local?.path);
  // A local path is relative to the stack's own folder, cdktf.out/stacks/<stack>.
  return path ? { location: `local:${posix.join("stacks", stack.node.id, path)}`, field: "backend", setting: path } : undefined;
}

function nameClashes(facts: readonly StackFacts[]): string[] {
  const holders = new Map<string, { index: number; claim: Claim }[]>();
  facts.forEach((stack, index) => {
    for (const claim of stack.claims) {
      const where = claim.scope === "region" ? (stack.region ?? "") : "";
      const key = [claim.scope, where, claim.what, claim.within ?? "", claim.name].join("\u0000");
      holders.set(key, [...(holders.get(key) ?? []), { index, claim }]);
    }
  });
  // One message per pair of stacks and field, listing everything they both claim through it.
  const clashes = new Map<string, { later: StackFacts; earlier: StackFacts; claims: Claim[] }>();
  for (const claimants of holders.values()) {
    for (const [i, first] of claimants.entries()) {
      for (const second of claimants.slice(i + 1)) {
        const [earlier, later] = [facts[first.index], facts[second.index]];
        if (earlier.deployment === later.deployment) continue;
        if (first.claim.scope !== "global" && !sameAccountPossible(earlier, later)) continue;
        const key = `${first.index}\u0000${second.index}\u0000${second.claim.field}`;
        const clash = clashes.get(key) ?? { later, earlier, claims: [] };
        clash.claims.push(second.claim);
        clashes.set(key, clash);
      }
    }
  }
  return [...clashes.values()].map(({ later, earlier, claims }) => {
    const [{ field, setting, scope }] = claims;
    const things = claims.map((claim) => `${claim.what} "${claim.name}"`).join(", ");
    const where = scope === "region" ? ` in ${later.region}` : "";
    const remedy = scope === "global" ? "" : " (if they deploy to different AWS accounts, set account in both)";
    return (
      `${later.source}: ${field}: must differ from ${earlier.source}'s: both claim ${things}${where}, ${SCOPE_TEXT[scope]}; ` +
      `the second apply would fail half-way, or take over the first one's and later destroy them${remedy}; received ${show(setting)}`
    );
  });
}

function stateClashes(facts: readonly StackFacts[]): string[] {
  const firstAt = new Map<string, StackFacts>();
  const problems: string[] = [];
  for (const stack of facts) {
    if (!stack.state) continue;
    const earlier = firstAt.get(stack.state.location);
    if (!earlier || earlier.deployment === stack.deployment) {
      firstAt.set(stack.state.location, stack);
      continue;
    }
    problems.push(
      `${stack.source}: ${stack.state.field}: must not keep its state where ${earlier.source} keeps its own ` +
        `(${stack.state.location}): each would plan to destroy what the other created; received ${show(stack.state.setting)}`,
    );
  }
  return problems;
}

function quotaWarnings(facts: readonly StackFacts[]): CrossStackFindings["warnings"] {
  const groups = new Map<string, StackFacts[]>();
  for (const stack of facts) {
    if (!stack.region) continue;
    const key = `${stack.account ?? ""}\u0000${stack.region}`;
    groups.set(key, [...(groups.get(key) ?? []), stack]);
  }
  const warnings: CrossStackFindings["warnings"] = [];
  for (const stacks of groups.values()) {
    for (const quota of ADJUSTABLE_QUOTAS) {
      // A deployment counts once, at its largest stage.
      const largest = new Map<string, StackFacts>();
      for (const stack of stacks) {
        const count = stack.counts.get(quota.resourceType) ?? 0;
        const current = largest.get(stack.deployment);
        if (count && (!current || count > (current.counts.get(quota.resourceType) ?? 0))) largest.set(stack.deployment, stack);
      }
      const users = [...largest.values()];
      const total = users.reduce((sum, stack) => sum + (stack.counts.get(quota.resourceType) ?? 0), 0);
      if (total <= quota.perRegion) continue;
      const [{ region, account }] = stacks;
      const each = users.map((stack) => `${stack.source} ${stack.counts.get(quota.resourceType)}`).join(", ");
      const message =
        `${region}${account ? ` (account ${account})` : ""}: ${total} ${quota.resourceType} (${each}) exceed AWS's default quota ` +
        `"${quota.name}" of ${quota.perRegion} (${quota.code}, adjustable): the apply fails once it is reached unless the ` +
        `account's quota was raised; ${quota.remedy}`;
      warnings.push({ message, stacks: users.map((user) => user.stack) });
    }
  }
  return warnings;
}

/** Two stacks may share an account unless each names its own, different one. */
function sameAccountPossible(a: StackFacts, b: StackFacts): boolean {
  return a.account === undefined || b.account === undefined || a.account === b.account;
}

/** The value when it is known at synth time: a string that is no reference or token. */
function literal(value: unknown): string | undefined {
  return typeof value === "string" && !value.includes("${") ? value : undefined;
}
