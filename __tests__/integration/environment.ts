import { rmSync } from "node:fs";
import { startMoto, MotoServer } from "../../tools/moto";
import { awsClients, AwsClients } from "../../tools/aws-inventory";
import { terraformEnv } from "../../tools/terraform-env";
import { synthesizeToTemp, TerraformWorkspace } from "../../tools/terraform-workspace";

/** A fresh moto server, the stack synthesized into a temporary project, and SDK clients for both. */
export interface Environment {
  readonly moto: MotoServer;
  /** The temporary project folder the stack was synthesized into. */
  readonly root: string;
  readonly workspace: TerraformWorkspace;
  readonly aws: AwsClients;
  /** Environment for a CLI (terraform, cdktf) that should talk to this moto server. */
  readonly env: NodeJS.ProcessEnv;
  dispose(): Promise<void>;
}

export async function startEnvironment(stack = "handson", region = "ap-northeast-1"): Promise<Environment> {
  const moto = await startMoto();
  const env = terraformEnv(moto.env(region));
  const root = synthesizeToTemp();
  const workspace = TerraformWorkspace.ofStack(root, stack, env);
  return {
    moto,
    root,
    workspace,
    aws: awsClients(moto.endpoint, region),
    env,
    dispose: async () => {
      await moto.stop();
      rmSync(root, { recursive: true, force: true });
    },
  };
}
