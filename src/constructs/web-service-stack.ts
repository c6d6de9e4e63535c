import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { LocalBackend, S3Backend, TerraformOutput, TerraformStack } from "cdktf";
import type { Construct } from "constructs";
import { constructSource } from "../settings/problems";
import { validateEnvironment } from "../settings/resolve-settings";
import type { EnvironmentFile, EnvironmentSettings } from "../settings/settings";
import { TUTORIAL } from "../settings/tutorial";
import { pinAddress } from "./address";
import { FargateWebService } from "./fargate-web-service";

/**
 * One environment as a Terraform stack: the AWS provider in its region, its state backend, one
 * {@link FargateWebService}, and the outputs a user needs to reach it. With no settings it is the
 * tutorial's `handson` stack.
 */
export class WebServiceStack extends TerraformStack {
  public readonly service: FargateWebService;

  constructor(scope: Construct, id: string, settings: EnvironmentSettings = {}) {
    super(scope, id);
    validateEnvironment(settings, constructSource(this.node.path));
    // $schema is for editors: it is taken out with the stack's own settings.
    const { region = TUTORIAL.region, account, backend, $schema, tags = {}, ...serviceProps } = settings as EnvironmentFile;

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
      new LocalBackend(this, { path: `../../../terraform.${id}.tfstate` });
    }

    this.service = new FargateWebService(this, "service", serviceProps);

    const alb = this.service.loadBalancer.alb;
    const outputs: Record<string, { value: string; description: string }> = {
      alb_dns_name: { value: alb.dnsName, description: "DNS name of the load balancer" },
      url: { value: `http://${alb.dnsName}`, description: "Where the service answers" },
      cluster_name: { value: this.service.cluster.cluster.name, description: "ECS cluster" },
      service_name: { value: this.service.service.service.name, description: "ECS service" },
    };
    for (const [name, config] of Object.entries(outputs)) {
      pinAddress(new TerraformOutput(this, name, config), name);
    }
  }
}
