import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { SecurityGroupRule } from "@cdktf/provider-aws/lib/security-group-rule";
import { AnnotationMetadataEntryType, App, Aspects, TerraformStack } from "cdktf";
import { PolicyChecks, policyReport, suppress } from "../../src/checks/policy-checks";
import { WebServiceStack } from "../../src/constructs/web-service-stack";
import type { EnvironmentFile } from "../../src/settings/settings";

const RECOMMENDED: EnvironmentFile = { defaults: "recommended", https: { domain: "example.com" }, readonlyRootFilesystem: true };
const newApp = () => new App({ outdir: mkdtempSync(join(tmpdir(), "out-")) });

/** A raw rule a user adds next to the construct: SSH open to the internet on the load balancer's group. */
function openSsh(stack: WebServiceStack): SecurityGroupRule {
  const service = stack.node.findChild("service") as unknown as { loadBalancer: { securityGroup: { id: string } } };
  return new SecurityGroupRule(stack, "ssh", {
    type: "ingress",
    protocol: "tcp",
    fromPort: 22,
    toPort: 22,
    cidrBlocks: ["0.0.0.0/0"],
    securityGroupId: service.loadBalancer.securityGroup.id,
    description: "SSH",
  });
}

describe("PolicyChecks", () => {
  it("passes the recommended defaults with HTTPS and a read-only root, and writes the stack", () => {
    const app = newApp();
    const stack = new WebServiceStack(app, "web", RECOMMENDED);
    app.synth();
    expect(policyReport(stack)!.results.filter((result) => result.rule.severity === "error")).toEqual([]);
  });

  it("stops the synth on a raw security group rule open to 0.0.0.0/0 on port 22, naming the rule, the resource and the fix", () => {
    const app = newApp();
    openSsh(new WebServiceStack(app, "web", RECOMMENDED));
    expect(() => app.synth()).toThrow(
      /\[web\/ssh\] \[SG-OPEN-INGRESS\] aws_security_group_rule\.ssh admits tcp 22 from 0\.0\.0\.0\/0\. Fix: Admit the port from/,
    );
  });

  it("only reports the same rule under the tutorial's defaults, marked as the tutorial's", () => {
    const app = newApp();
    const stack = new WebServiceStack(app, "handson", {});
    openSsh(stack);
    app.synth();
    const ssh = stack.node
      .findChild("ssh")
      .node.metadata.filter((entry) => entry.type === AnnotationMetadataEntryType.WARN)
      .map((entry) => entry.data);
    expect(ssh).toEqual([expect.stringMatching(/^\[SG-OPEN-INGRESS\] .* \(the tutorial as written\)$/)]);
  });

  it("stops the synth in any mode when the file says enforce", () => {
    const app = newApp();
    new WebServiceStack(app, "handson", { policyChecks: "enforce" });
    expect(() => app.synth()).toThrow(/\[SG-TASKS-FROM-LOAD-BALANCER\]/);
  });

  it("accepts a finding suppressed in code with a reason, and still reports it", () => {
    const app = newApp();
    const stack = new WebServiceStack(app, "web", RECOMMENDED);
    suppress(openSsh(stack), "SG-OPEN-INGRESS", "a bastion, for a week of migration");
    app.synth();
    expect(policyReport(stack)!.results.filter((result) => result.rule.id === "SG-OPEN-INGRESS")).toEqual([
      expect.objectContaining({
        address: "aws_security_group_rule.ssh",
        suppression: expect.objectContaining({ reason: "a bastion, for a week of migration" }),
      }),
    ]);
  });

  it("accepts a finding suppressed in the environment file, for one resource", () => {
    const app = newApp();
    const stack = new WebServiceStack(app, "web", {
      ...RECOMMENDED,
      suppressions: [{ rule: "SG-OPEN-INGRESS", reason: "a bastion", resource: "aws_security_group_rule.ssh" }],
    });
    openSsh(stack);
    app.synth();
    expect(policyReport(stack)!.results.find((result) => result.rule.id === "SG-OPEN-INGRESS")?.suppression?.reason).toBe("a bastion");
  });

  it("refuses a suppression without a reason, or of an unknown rule", () => {
    const stack = new TerraformStack(newApp(), "web");
    expect(() => suppress(stack, "SG-OPEN-INGRESS", " ")).toThrow(
      'web: suppress: reason: must say why the finding is accepted; received " "',
    );
    expect(() => suppress(stack, "SG-OPEN", "because")).toThrow(
      /^web: suppress: rule: must be one of the policy rules \(LB-HTTPS, .*\); received "SG-OPEN"$/,
    );
  });

  it("checks any cdktf stack it is added to", () => {
    const app = newApp();
    const stack = new TerraformStack(app, "plain");
    new AwsProvider(stack, "aws", { region: "eu-west-1" });
    new SecurityGroupRule(stack, "ssh", {
      type: "ingress",
      protocol: "tcp",
      fromPort: 22,
      toPort: 22,
      cidrBlocks: ["::/0"],
      securityGroupId: "sg-1",
    });
    Aspects.of(stack).add(new PolicyChecks());
    expect(() => app.synth()).toThrow(/\[SG-OPEN-INGRESS\] aws_security_group_rule\.ssh admits tcp 22 from ::\/0/);
  });
});
