import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { TerraformStack, TerraformVariable, Testing } from "cdktf";
import { Construct } from "constructs";
import { claimName, providerRegion } from "../../src/constructs/stack-claims";
import { SettingsError } from "../../src/settings/problems";

describe("stack claims", () => {
  it("reads the region of the stack's AWS provider when it is known at synth, and nothing when it is a reference", () => {
    const known = new TerraformStack(Testing.app(), "known");
    new AwsProvider(known, "aws", { region: "eu-west-1" });
    expect(providerRegion(new Construct(known, "child"))).toBe("eu-west-1");

    const unknown = new TerraformStack(Testing.app(), "unknown");
    new AwsProvider(unknown, "aws", { region: new TerraformVariable(unknown, "region", { type: "string" }).stringValue });
    expect(providerRegion(unknown)).toBeUndefined();
    expect(providerRegion(new TerraformStack(Testing.app(), "none"))).toBeUndefined();
  });

  it("refuses a second owner of one name in a stack, naming the first; another stack may use it", () => {
    const stack = new TerraformStack(Testing.app(), "test");
    claimName(new Construct(stack, "one"), "shop");
    expect(() => claimName(new Construct(stack, "two"), "shop")).toThrow(
      new SettingsError([
        'test/two.name: must differ from the name of test/one in the same stack (AWS names would collide); received "shop"',
      ]),
    );
    expect(() => claimName(new Construct(new TerraformStack(Testing.app(), "other"), "one"), "shop")).not.toThrow();
  });
});
