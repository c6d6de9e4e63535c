// The floor any cdktf app pays: one provider and one resource, run exactly as main.ts is.
import "../../src/app/fast-start";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { Vpc } from "@cdktf/provider-aws/lib/vpc";
import { App, TerraformStack } from "cdktf";

const app = new App();
const stack = new TerraformStack(app, "bare");
new AwsProvider(stack, "aws", { region: "ap-northeast-1" });
new Vpc(stack, "vpc", { cidrBlock: "10.0.0.0/16" });
app.synth();
