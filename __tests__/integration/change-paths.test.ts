import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { DescribeSubnetsCommand, DescribeVpcsCommand } from "@aws-sdk/client-ec2";
import { DescribeTaskDefinitionCommand } from "@aws-sdk/client-ecs";
import {
  DescribeListenersCommand,
  DescribeLoadBalancersCommand,
  DescribeRulesCommand,
  DescribeTargetGroupsCommand,
} from "@aws-sdk/client-elastic-load-balancing-v2";
import { targetGroupName } from "../../src/aws/target-group-name";
import type { PlanImpact } from "../../src/impact/explain-plan";
import type { EnvironmentSettings } from "../../src/settings/settings";
import { inventory } from "../../tools/harness/aws-inventory";
import { synthesizeToTemp } from "../../tools/harness/terraform-workspace";
import { appliedTutorial, changeLiveStack, describedService, type Environment, impactOf, NOTHING_LEFT } from "./environment";

const ROOT = resolve(__dirname, "../..");

/**
 * GIVEN the tutorial applied, WHEN its file is changed setting by setting and applied each time on
 * the same state, THEN every apply succeeds, the re-plan is empty, AWS reports the new values, and
 * the impact explainer said beforehand what each change would do. Changes are grouped into few
 * applies: each new load balancer costs a minute of the provider's waiter.
 */
describe("changing every setting of a live stack, and back", () => {
  let e: Environment;
  let settings: EnvironmentSettings = {};
  beforeAll(async () => {
    e = await appliedTutorial();
  });
  afterAll(async () => e?.dispose());

  /** Writes the settings as the handson file, explains the plan, applies it, and re-plans. */
  async function change(next: EnvironmentSettings): Promise<PlanImpact> {
    settings = next;
    return changeLiveStack(e, "handson", next);
  }

  const service = (cluster: string, name: string) => describedService(e, cluster, name);
  const taskDefinition = async (arn: string) =>
    (await e.aws.ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition: arn }))).taskDefinition!;
  const loadBalancer = async (name: string) =>
    (await e.aws.elbv2.send(new DescribeLoadBalancersCommand({ Names: [name] }))).LoadBalancers![0];
  const rules = async (lbName: string) => {
    const { Listeners } = await e.aws.elbv2.send(
      new DescribeListenersCommand({ LoadBalancerArn: (await loadBalancer(lbName)).LoadBalancerArn }),
    );
    const http = Listeners!.find((listener) => listener.Port === 80)!;
    return (await e.aws.elbv2.send(new DescribeRulesCommand({ ListenerArn: http.ListenerArn }))).Rules!.filter((rule) => !rule.IsDefault);
  };

  it("a new port, image and health check: the target group is replaced the new one first, no 'in use' error", async () => {
    const next = { containerPort: 8080, image: "nginxinc/nginx-unprivileged:1.27", healthCheck: { path: "/" } };
    const configDir = mkdtempSync(join(tmpdir(), "config-"));
    writeFileSync(join(configDir, "handson.json"), JSON.stringify(next));
    try {
      // What a user runs first: the explainer, through its npm script's command, against the live state.
      const explained = spawnSync(join(ROOT, "node_modules/.bin/tsx"), [join(ROOT, "tools/scripts/impact.ts"), "handson"], {
        cwd: e.root,
        env: { ...e.env, CONFIG_DIR: configDir },
        encoding: "utf8",
      });
      expect(explained.status, explained.stderr).toBe(0);
      expect(explained.stdout).toContain("handson: 3 to add, 2 to change, 3 to destroy.");
      expect(explained.stdout).toContain("  aws_lb_target_group.main: replaced, the new one created first because name, port changes.");
      expect(explained.stdout).toContain("Replaces the running tasks, without interruption:");
      // Right after an apply, what the refresh fills in (tags, routes) is not news.
      expect(explained.stdout).not.toContain("Changed outside Terraform");
    } finally {
      rmSync(configDir, { recursive: true, force: true });
    }

    const impact = await change(next);
    expect(impactOf(impact, "aws_lb_target_group.main")).toMatchObject({ kind: "replace-create-first", severity: "restarts" });
    expect(impactOf(impact, "aws_security_group_rule.ecs")).toMatchObject({ kind: "replace-create-first", severity: "none" });
    expect(impactOf(impact, "aws_ecs_service.main")).toMatchObject({ kind: "update", severity: "restarts" });

    const name = targetGroupName("handson", 8080, "10.0.0.0/16");
    expect((await inventory(e.aws)).targetGroups).toEqual([name]);
    const { TargetGroups } = await e.aws.elbv2.send(new DescribeTargetGroupsCommand({ Names: [name] }));
    expect(TargetGroups![0]).toMatchObject({ Port: 8080, HealthCheckPath: "/" });
    expect((await rules("handson"))[0].Actions![0].TargetGroupArn).toBe(TargetGroups![0].TargetGroupArn);
    const running = await service("handson", "handson");
    expect(running.loadBalancers).toEqual([
      { targetGroupArn: TargetGroups![0].TargetGroupArn, containerName: "nginx", containerPort: 8080 },
    ]);
    expect((await taskDefinition(running.taskDefinition!)).containerDefinitions![0]).toMatchObject({
      image: "nginxinc/nginx-unprivileged:1.27",
      portMappings: [expect.objectContaining({ containerPort: 8080 })],
    });
  });

  it("size, task count, who reaches the tasks, the listener rule and one NAT gateway, in one apply", async () => {
    const impact = await change({
      ...settings,
      cpu: 512,
      memory: 1024,
      desiredCount: 2,
      serviceIngress: "alb-security-group",
      listenerRule: { pathPatterns: ["/app/*"], priority: 10 },
      natGateways: "single",
    });
    expect(impactOf(impact, "aws_security_group_rule.ecs")).toMatchObject({ kind: "replace-create-first" });
    expect(impactOf(impact, "aws_nat_gateway.nat_1c")).toMatchObject({ kind: "delete", severity: "interrupts" });

    const running = await service("handson", "handson");
    expect(running.desiredCount).toBe(2);
    expect(await taskDefinition(running.taskDefinition!)).toMatchObject({ cpu: "512", memory: "1024" });
    expect(await rules("handson")).toEqual([
      expect.objectContaining({ Priority: "10", Conditions: [expect.objectContaining({ PathPatternConfig: { Values: ["/app/*"] } })] }),
    ]);
    expect((await inventory(e.aws)).natGateways).toHaveLength(1);
  });

  it("no NAT gateway, then a new name for everything", async () => {
    await change({ ...settings, natGateways: "none" });
    expect((await inventory(e.aws)).natGateways).toEqual([]);
    expect((await service("handson", "handson")).networkConfiguration!.awsvpcConfiguration!.assignPublicIp).toBe("ENABLED");

    const impact = await change({ ...settings, name: "store", natGateways: "per-az" });
    expect(impactOf(impact, "aws_lb.main")).toMatchObject({ severity: "breaks" });
    const found = await inventory(e.aws);
    expect(found).toMatchObject({
      loadBalancers: ["store"],
      targetGroups: [targetGroupName("store", 8080, "10.0.0.0/16")],
      clusters: ["store"],
      services: ["store/store"],
    });
    expect(found.natGateways).toHaveLength(3);
  });

  it("a new VPC CIDR: everything moves to the new VPC, the old one is gone", async () => {
    const impact = await change({
      ...settings,
      vpcCidr: "10.1.0.0/16",
      publicSubnetCidrs: ["10.1.1.0/24", "10.1.2.0/24", "10.1.3.0/24"],
      privateSubnetCidrs: ["10.1.10.0/24", "10.1.20.0/24", "10.1.30.0/24"],
    });
    expect(impactOf(impact, "aws_vpc.main")).toMatchObject({ severity: "breaks" });
    const { Vpcs } = await e.aws.ec2.send(new DescribeVpcsCommand({ Filters: [{ Name: "tag:Name", Values: ["store"] }] }));
    expect(Vpcs!.map((vpc) => vpc.CidrBlock)).toEqual(["10.1.0.0/16"]);
    expect((await loadBalancer("store")).VpcId).toBe(Vpcs![0].VpcId);
    expect((await inventory(e.aws)).targetGroups).toEqual([targetGroupName("store", 8080, "10.1.0.0/16")]);
  });

  it("one private subnet's CIDR: the tasks move to the new subnet", async () => {
    await change({ ...settings, privateSubnetCidrs: ["10.1.40.0/24", "10.1.20.0/24", "10.1.30.0/24"] });
    const { Subnets } = await e.aws.ec2.send(new DescribeSubnetsCommand({ Filters: [{ Name: "tag:Name", Values: ["store-private-1a"] }] }));
    expect(Subnets!.map((subnet) => subnet.CidrBlock)).toEqual(["10.1.40.0/24"]);
    expect((await service("store", "store")).networkConfiguration!.awsvpcConfiguration!.subnets).toContain(Subnets![0].SubnetId);
  });

  it("back to the tutorial's values with safe changes, nothing left to change; its file as written plans what the provider cannot undo", async () => {
    await change({ safeChanges: true });
    expect(await inventory(e.aws)).toMatchObject({ loadBalancers: ["handson"], targetGroups: ["handson"], clusters: ["handson"] });
    settings = {};
    synthesizeToTemp({ into: e.root });
    // Written for change, the service carries its deployment alarms written off, and a file with no
    // alarms block cannot remove them (the provider sends UpdateService no alarms when the block is
    // gone, so AWS keeps them); and the tutorial's service does not wait for its rollouts. Planned,
    // not applied: this stack stays on the tutorial's values with "safeChanges": true.
    expect(await e.workspace.plan()).toEqual([
      {
        address: "aws_ecs_service.main",
        type: "aws_ecs_service",
        actions: ["update"],
        changedAttributes: ["alarms", "wait_for_steady_state"],
      },
    ]);
  });

  it("destroys everything", async () => {
    await e.workspace.destroy();
    expect(await inventory(e.aws)).toEqual(NOTHING_LEFT);
  });
});
