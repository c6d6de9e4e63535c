import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { Aspects, LocalBackend, S3Backend, TerraformOutput, TerraformStack } from "cdktf";
import type { Construct } from "constructs";
import { PolicyChecks, TUTORIAL_AS_WRITTEN } from "../checks/policy-checks";
import { constructSource } from "../settings/problems";
import { policyChecksMode, validateEnvironment } from "../settings/resolve-settings";
import type { EnvironmentFile, EnvironmentSettings, FargateWebServiceProps } from "../settings/settings";
import { TUTORIAL } from "../settings/tutorial";
import type { TerraformJson } from "../terraform/terraform-json";
import { pinAddress } from "./address";

/** Options of an {@link EnvironmentStack}. */
export interface EnvironmentStackOptions {
  /**
   * Let cdktf look for references to other stacks before synthesizing: a resolve pass over every
   * element, a third of a stack's synthesis. A stack made from an environment file holds none.
   * @default true
   */
  readonly crossStackReferences?: boolean;
}

/**
 * What every environment's stack has, whatever it builds: validated settings, the AWS provider in
 * its region (and account, when given) with the settings' tags as default tags, and the state
 * backend — its own, or the one of the environment it shares state with.
 */
export abstract class EnvironmentStack extends TerraformStack {
  /** The settings of what the stack builds: all but the stack's own (region, account, backend, …). */
  protected readonly serviceProps: FargateWebServiceProps & Pick<EnvironmentSettings, "services">;
  private readonly crossStackReferences: boolean;
  /** The Terraform the policy checks read, written by the synthesis that follows instead of made twice. */
  private checkedTerraform?: TerraformJson;

  constructor(scope: Construct, id: string, settings: EnvironmentSettings, options: EnvironmentStackOptions = {}) {
    super(scope, id);
    this.crossStackReferences = options.crossStackReferences ?? true;
    validateEnvironment(settings, constructSource(this.node.path));
    // $schema is for editors: it is taken out with the stack's own settings.
    const {
      region = TUTORIAL.region,
      account,
      backend,
      sharesStateWith,
      lastChapter,
      $schema,
      tags = {},
      policyChecks,
      suppressions,
      ...serviceProps
    } = settings as EnvironmentFile;
    this.serviceProps = serviceProps;
    const mode = policyChecksMode(settings);
    Aspects.of(this).add(
      new PolicyChecks({
        enforce: mode === "enforce",
        reportedAs: policyChecks ? `policyChecks is "${policyChecks}"` : TUTORIAL_AS_WRITTEN,
        suppressions,
        onRead: (json) => {
          this.checkedTerraform = json;
        },
      }),
    );

    new AwsProvider(this, "aws", {
      region,
      allowedAccountIds: account === undefined ? undefined : [account],
      // The provider's default tags reach every resource of the stack, those added by hand too,
      // and keep each resource's own tags to its Name.
      defaultTags: Object.keys(tags).length ? [{ tags }] : undefined,
    });
    if (backend) {
      const s3 = new S3Backend(this, { bucket: backend.s3.bucket, key: backend.s3.key, region: backend.s3.region });
      // cdktf 0.21 predates S3-native locking (Terraform 1.10): written as a raw backend setting,
      // with the version it needs, so that an older Terraform says so instead of ignoring it.
      const useLockfile = backend.s3.useLockfile ?? TUTORIAL.useLockfile;
      s3.addOverride("use_lockfile", useLockfile);
      if (useLockfile) this.addOverride("terraform.required_version", ">= 1.10.0");
    } else {
      // cdktf would write this machine's absolute path; relative to cdktf.out/stacks/<id> it
      // names the project folder wherever the project is checked out.
      new LocalBackend(this, { path: `../../../terraform.${sharesStateWith ?? id}.tfstate` });
    }
  }

  /** Adds outputs at their plain addresses (`output.url`). */
  protected addOutputs(outputs: Record<string, { value: string; description: string }>): void {
    for (const [name, config] of Object.entries(outputs)) pinAddress(new TerraformOutput(this, name, config), name);
  }

  // biome-ignore lint/suspicious/noExplicitAny: cdktf's own signature
  override toTerraform(): any {
    const json = this.checkedTerraform ?? super.toTerraform();
    this.checkedTerraform = undefined;
    return json;
  }

  override prepareStack(): void {
    if (this.crossStackReferences) super.prepareStack();
    else this.ensureBackendExists();
  }
}
