import { Annotations, type IAspect, TerraformResource, TerraformStack } from "cdktf";
import type { IConstruct } from "constructs";
import type { TerraformJson } from "../terraform/terraform-json";
import { POLICY_RULE_IDS, type PolicyResult, runPolicyChecks, type Suppression } from "./run-policy-checks";

/** Options of {@link PolicyChecks}. */
export interface PolicyChecksOptions {
  /**
   * Errors stop the synth; when false, every finding is printed as a warning.
   * @default true
   */
  readonly enforce?: boolean;
  /**
   * Why findings are only reported, added to each warning when errors do not stop the synth.
   * @default - nothing added
   */
  readonly reportedAs?: string;
  /**
   * Findings accepted on purpose, besides those suppressed in code with {@link suppress}.
   * @default []
   */
  readonly suppressions?: readonly Suppression[];
  /**
   * Receives the stack's Terraform the rules read, so that the synthesis can write it without making it again.
   * @default - nothing
   */
  readonly onRead?: (json: TerraformJson) => void;
}

const SUPPRESSION = "cdktf-fargate/policy-suppression";

/** Why an environment under the tutorial's defaults only reports its findings. */
export const TUTORIAL_AS_WRITTEN = "the tutorial as written";
/** What the checks found on a stack, and how they report it. */
export interface PolicyReport {
  readonly results: readonly PolicyResult[];
  /** Whether errors stop the synth. */
  readonly enforce: boolean;
  /** Why findings are only reported, when they are. */
  readonly reportedAs?: string;
}

const reports = new WeakMap<TerraformStack, PolicyReport>();
const checked = new WeakSet<TerraformStack>();

/**
 * The policy rules as an Aspect: on each stack it visits, they read the stack's Terraform once every
 * other aspect has run (as a validation), and report through cdktf's annotations, on the construct
 * of the resource: errors stop the synth, warnings are printed.
 */
export class PolicyChecks implements IAspect {
  constructor(private readonly options: PolicyChecksOptions = {}) {}

  visit(node: IConstruct): void {
    if (!TerraformStack.isStack(node) || checked.has(node)) return;
    checked.add(node);
    node.node.addValidation({
      validate: () => {
        this.check(node);
        return [];
      },
    });
  }

  private check(stack: TerraformStack): void {
    const json = stack.toTerraform() as TerraformJson;
    this.options.onRead?.(json);
    const nodes = stack.node.findAll();
    const constructs = new Map<string, IConstruct>();
    for (const node of nodes) {
      if (node instanceof TerraformResource) constructs.set(`${node.terraformResourceType}.${node.friendlyUniqueId}`, node);
    }
    const inCode = nodes.flatMap((scope) =>
      scope.node.metadata
        .filter((entry) => entry.type === SUPPRESSION)
        .flatMap((entry) => {
          const { rule, reason } = entry.data as Suppression;
          if (scope === stack) return [{ rule, reason }];
          const under = `${scope.node.path}/`;
          return [...constructs]
            .filter(([, resource]) => resource === scope || resource.node.path.startsWith(under))
            .map(([resource]) => ({ rule, reason, resource }));
        }),
    );
    const results = runPolicyChecks(json, [...(this.options.suppressions ?? []), ...inCode]);
    const enforce = this.options.enforce ?? true;
    reports.set(stack, { results, enforce, reportedAs: enforce ? undefined : this.options.reportedAs });
    for (const result of results.filter((one) => !one.suppression)) {
      const annotations = Annotations.of(constructs.get(result.address) ?? stack);
      const message = describeFinding(result);
      if (enforce && result.rule.severity === "error") annotations.addError(message);
      else annotations.addWarning(this.options.reportedAs && !enforce ? `${message} (${this.options.reportedAs})` : message);
    }
  }
}

/** `[LB-WAF] aws_lb.main faces the internet without a WAF web ACL. Fix: …` */
export const describeFinding = (result: PolicyResult): string =>
  `[${result.rule.id}] ${result.address} ${result.problem}. Fix: ${result.rule.fix}`;

/** The findings of a stack's last synth, suppressed ones included; undefined before the checks ran. */
export const policyReport = (stack: TerraformStack): PolicyReport | undefined => reports.get(stack);

/** Accepts a rule's findings on the resources of a construct (a whole stack, or one resource), for a reason a reviewer reads. */
export function suppress(construct: IConstruct, rule: string, reason: string): void {
  const problems: string[] = [];
  if (!POLICY_RULE_IDS.includes(rule))
    problems.push(`rule: must be one of the policy rules (${POLICY_RULE_IDS.join(", ")}); received ${JSON.stringify(rule)}`);
  if (typeof reason !== "string" || !reason.trim())
    problems.push(`reason: must say why the finding is accepted; received ${JSON.stringify(reason)}`);
  if (problems.length) throw new Error(problems.map((problem) => `${construct.node.path}: suppress: ${problem}`).join("\n"));
  construct.node.addMetadata(SUPPRESSION, { rule, reason });
}
