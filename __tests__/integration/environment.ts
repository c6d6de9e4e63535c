import { rmSync } from "node:fs";
import { startMoto, MotoServer } from "../../tools/moto";
import { awsClients, AwsClients } from "../../tools/aws-inventory";
import { terraformEnv } from "../../tools/terraform-env";
import { synthesizeToTemp, TerraformWorkspace } from "../../tools/terraform-workspace";

/** A fresh moto server, the stack synthesized into a temporary project, and SDK clients for both. */
export interface Environment {
  readonly moto: MotoServer;
  readonly workspace: TerraformWorkspace;
  readonly aws: AwsClients;
  /** Environment for a CLI (terraform, cdktf) that should talk to this moto server. */
  readonly env: NodeJS.ProcessEnv;
  dispose(): Promise<void>;
}

export async function startEnvironment(stack = "handson", region = "ap-northeast-1"): Promise<Environment> {
  const moto = await startMoto();
  const env = terraformEnv(moto.env(region));
  const workspace = new TerraformWorkspace(synthesizeToTemp(), stack, env);
  return {
    moto,
    workspace,
    aws: awsClients(moto.endpoint, region),
    env,
    dispose: async () => {
      await moto.stop();
      rmSync(workspace.root, { recursive: true, force: true });
    },
  };
}
