import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  AssociateVpcCidrBlockCommand,
  AttachInternetGatewayCommand,
  CreateInternetGatewayCommand,
  CreateSecurityGroupCommand,
  CreateSubnetCommand,
  CreateVpcCommand,
  DescribeSecurityGroupsCommand,
  DescribeSubnetsCommand,
  DescribeVpcsCommand,
} from "@aws-sdk/client-ec2";
import { CreateClusterCommand, DescribeClustersCommand, DescribeServicesCommand, ListServicesCommand } from "@aws-sdk/client-ecs";
import {
  CreateListenerCommand,
  CreateLoadBalancerCommand,
  DescribeListenersCommand,
  DescribeLoadBalancersCommand,
  DescribeRulesCommand,
  DescribeTargetGroupsCommand,
  type RuleCondition,
} from "@aws-sdk/client-elastic-load-balancing-v2";
import { App } from "cdktf";
import { defineStacks } from "../../src/app/define-stacks";
import type { EnvironmentFile } from "../../src/settings/settings";
import { type AwsClients, awsClients, inventory } from "../../tools/harness/aws-inventory";
import { type MotoServer, startMoto } from "../../tools/harness/moto";
import { terraformEnv } from "../../tools/harness/terraform-env";
import { synthesizeToTemp, TerraformWorkspace, withoutDeletionProtection } from "../../tools/harness/terraform-workspace";
import { type Environment, NOTHING_LEFT, startEnvironment } from "./environment";

const SERVICES = ["shop/shop", "shop/shop-admin", "shop/shop-api"];

/** A rule condition's values, wherever the API puts them (the typed config, or the legacy list). */
const valuesOf = (condition: RuleCondition) =>
  condition.PathPatternConfig?.Values ?? condition.HostHeaderConfig?.Values ?? condition.Values;

describe("config/shop.json: three services on one VPC, load balancer and cluster, against a local AWS API", () => {
  let e: Environment;
  beforeAll(async () => {
    e = await startEnvironment("shop");
    await e.workspace.init();
  });
  afterAll(async () => e?.dispose());

  it("grows from one service to three by creating the two new ones' parts only: the first keeps its resources", async () => {
    // The same file as it was with one service: the web service's settings at the top.
    synthesizeToTemp({
      into: e.root,
      edit: (name, settings) => {
        if (name !== "shop") return settings;
        const { services, ...shared } = settings;
        return { ...shared, ...services!.web };
      },
    });
    await e.workspace.apply();
    expect((await inventory(e.aws)).services).toEqual(["shop/shop"]);

    synthesizeToTemp({ into: e.root });
    const changes = await e.workspace.plan();
    expect(changes.filter((change) => change.actions.join() !== "create")).toEqual([]);
    expect(changes.map((change) => change.address).filter((address) => !/^aws_[a-z0-9_]+\.(api|admin)_/.test(address))).toEqual([]);
    await e.workspace.apply();
  });

  const privateSubnetIds = async () =>
    (
      (
        await e.aws.ec2.send(
          new DescribeSubnetsCommand({ Filters: [{ Name: "tag:Name", Values: ["shop-private-1a", "shop-private-1c"] }] }),
        )
      ).Subnets ?? []
    )
      .map((subnet) => subnet.SubnetId!)
      .sort();

  it("shares one VPC, NAT gateway, load balancer, WAF and cluster among three target groups and three services", async () => {
    const found = await inventory(e.aws);
    expect(found.vpcs).toHaveLength(1);
    expect(found.natGateways).toHaveLength(1);
    expect(found).toMatchObject({ loadBalancers: ["shop"], clusters: ["shop"], certificates: ["shop.example.com"] });
    expect([...found.targetGroups].sort()).toEqual(["shop", "shop-admin", expect.stringMatching(/^shop-api-[0-9a-f]{6}$/)]);
    expect([...found.services].sort()).toEqual(SERVICES);
    expect(found.logGroups.sort()).toEqual(["/ecs/shop", "/ecs/shop-admin", "/ecs/shop-api", "/vpc/shop/flow-logs"]);
    // One WAF in front of the one load balancer, one VPC's flow logs: shared as well.
    expect(found.webAcls).toEqual(["shop"]);
    expect(found.flowLogs).toHaveLength(1);
    expect(found.scalableTargets).toEqual(["service/shop/shop-api"]);
  });

  it("routes by priority on the HTTPS listener: /api/* at 10, the admin host at 20, /* at 100; HTTP only redirects", async () => {
    const { LoadBalancers } = await e.aws.elbv2.send(new DescribeLoadBalancersCommand({ Names: ["shop"] }));
    const { Listeners } = await e.aws.elbv2.send(new DescribeListenersCommand({ LoadBalancerArn: LoadBalancers![0].LoadBalancerArn }));
    const rulesOf = async (port: number) => {
      const listener = Listeners!.find((candidate) => candidate.Port === port)!;
      const { Rules } = await e.aws.elbv2.send(new DescribeRulesCommand({ ListenerArn: listener.ListenerArn }));
      return Rules!.filter((rule) => !rule.IsDefault);
    };
    const { TargetGroups } = await e.aws.elbv2.send(new DescribeTargetGroupsCommand({}));
    const groupName = new Map(TargetGroups!.map((group) => [group.TargetGroupArn, group.TargetGroupName]));
    const https = await rulesOf(443);
    expect(
      https
        .map((rule) => ({
          priority: Number(rule.Priority),
          conditions: rule.Conditions!.map((condition) => [condition.Field, valuesOf(condition)]),
          forwardsTo: groupName.get(rule.Actions![0].TargetGroupArn),
        }))
        .sort((a, b) => a.priority - b.priority),
    ).toEqual([
      { priority: 10, conditions: [["path-pattern", ["/api/*"]]], forwardsTo: expect.stringMatching(/^shop-api-/) },
      { priority: 20, conditions: [["host-header", ["admin.shop.example.com"]]], forwardsTo: "shop-admin" },
      { priority: 100, conditions: [["path-pattern", ["/*"]]], forwardsTo: "shop" },
    ]);
    expect(await rulesOf(80)).toEqual([]);
  });

  it("runs each service in the shared private subnets, without public IPs, reachable only from the load balancer", async () => {
    const subnets = await privateSubnetIds();
    expect(subnets).toHaveLength(2);
    const { services } = await e.aws.ecs.send(
      new DescribeServicesCommand({ cluster: "shop", services: ["shop", "shop-api", "shop-admin"] }),
    );
    const { SecurityGroups } = await e.aws.ec2.send(
      new DescribeSecurityGroupsCommand({ Filters: [{ Name: "group-name", Values: ["shop-alb"] }] }),
    );
    const loadBalancerGroup = SecurityGroups![0].GroupId;
    for (const service of services!) {
      const network = service.networkConfiguration!.awsvpcConfiguration!;
      expect([...network.subnets!].sort()).toEqual(subnets);
      expect(network.assignPublicIp).toBe("DISABLED");
      expect(network.securityGroups).toHaveLength(1);
      const { SecurityGroups: own } = await e.aws.ec2.send(new DescribeSecurityGroupsCommand({ GroupIds: network.securityGroups }));
      const port = service.loadBalancers![0].containerPort;
      expect(own![0].GroupName).toBe(`${service.serviceName}-ecs`);
      expect(
        own![0].IpPermissions!.map((rule) => [rule.FromPort, rule.IpRanges, rule.UserIdGroupPairs!.map((pair) => pair.GroupId)]),
      ).toEqual([[port, [], [loadBalancerGroup]]]);
    }
    expect(services!.map((service) => [service.serviceName, service.loadBalancers![0].containerPort]).sort()).toEqual([
      ["shop", 80],
      ["shop-admin", 80],
      ["shop-api", 8080],
    ]);
  });

  it("re-plans with no changes", async () => {
    expect(await e.workspace.plan()).toEqual([]);
  });

  it("destroys everything once deletion protection is turned off", async () => {
    synthesizeToTemp({ into: e.root, edit: withoutDeletionProtection });
    await e.workspace.apply();
    await e.workspace.destroy();
    expect(await e.workspace.stateList()).toEqual([]);
    expect(await inventory(e.aws)).toEqual(NOTHING_LEFT);
  });
});

describe("a service attached to what exists already: a VPC with a secondary block, then also a cluster and a load balancer's listener", () => {
  const REGION = "ap-northeast-1";
  let moto: MotoServer;
  let aws: AwsClients;
  let env: NodeJS.ProcessEnv;
  const roots: string[] = [];
  const existing = {
    vpcId: "",
    publicSubnetIds: [] as string[],
    privateSubnetIds: [] as string[],
    listenerArn: "",
    clusterName: "platform",
  };

  beforeAll(async () => {
    moto = await startMoto();
    env = terraformEnv(moto.env(REGION));
    aws = awsClients(moto.endpoint, REGION);
    // The user's network, made outside of this project, as another team's Terraform or the console would.
    const { Vpc } = await aws.ec2.send(new CreateVpcCommand({ CidrBlock: "10.50.0.0/16" }));
    existing.vpcId = Vpc!.VpcId!;
    const { InternetGateway } = await aws.ec2.send(new CreateInternetGatewayCommand({}));
    await aws.ec2.send(new AttachInternetGatewayCommand({ InternetGatewayId: InternetGateway!.InternetGatewayId, VpcId: existing.vpcId }));
    for (const [index, zone] of ["a", "c"].entries()) {
      const subnet = async (cidr: string) =>
        (await aws.ec2.send(new CreateSubnetCommand({ VpcId: existing.vpcId, CidrBlock: cidr, AvailabilityZone: `${REGION}${zone}` })))
          .Subnet!.SubnetId!;
      existing.publicSubnetIds.push(await subnet(`10.50.${index}.0/24`));
      existing.privateSubnetIds.push(await subnet(`10.50.${index + 10}.0/24`));
    }
    // Tasks in a secondary block of the VPC, as teams add one when the first runs out of addresses.
    await aws.ec2.send(new AssociateVpcCidrBlockCommand({ VpcId: existing.vpcId, CidrBlock: "10.60.0.0/16" }));
    const { Subnet } = await aws.ec2.send(
      new CreateSubnetCommand({ VpcId: existing.vpcId, CidrBlock: "10.60.10.0/24", AvailabilityZone: `${REGION}a` }),
    );
    existing.privateSubnetIds.push(Subnet!.SubnetId!);
    await aws.ecs.send(new CreateClusterCommand({ clusterName: existing.clusterName }));
    const { GroupId } = await aws.ec2.send(
      new CreateSecurityGroupCommand({ GroupName: "edge", Description: "edge", VpcId: existing.vpcId }),
    );
    const { LoadBalancers } = await aws.elbv2.send(
      new CreateLoadBalancerCommand({ Name: "edge", Subnets: existing.publicSubnetIds, SecurityGroups: [GroupId!], Type: "application" }),
    );
    const { Listeners } = await aws.elbv2.send(
      new CreateListenerCommand({
        LoadBalancerArn: LoadBalancers![0].LoadBalancerArn,
        Protocol: "HTTP",
        Port: 80,
        DefaultActions: [{ Type: "fixed-response", FixedResponseConfig: { StatusCode: "404", ContentType: "text/plain" } }],
      }),
    );
    existing.listenerArn = Listeners![0].ListenerArn!;
  });
  afterAll(async () => {
    await moto?.stop();
    for (const root of roots) rmSync(root, { recursive: true, force: true });
  });

  /** One environment file, synthesized alone, ready for Terraform. */
  const workspaceOf = async (name: string, settings: EnvironmentFile) => {
    const config = mkdtempSync(join(tmpdir(), "config-"));
    const root = mkdtempSync(join(tmpdir(), "cdktf-fargate-"));
    roots.push(config, root);
    writeFileSync(join(config, `${name}.json`), JSON.stringify(settings));
    const app = new App({ outdir: join(root, "cdktf.out") });
    defineStacks(app, config);
    app.synth();
    const workspace = TerraformWorkspace.ofStack(root, name, env);
    await workspace.init();
    return workspace;
  };

  /** What the user had before: it must all be there, unchanged, after each destroy. */
  const usersOwn = async () => {
    const { Vpcs } = await aws.ec2.send(new DescribeVpcsCommand({ VpcIds: [existing.vpcId] }));
    const { Subnets } = await aws.ec2.send(new DescribeSubnetsCommand({ Filters: [{ Name: "vpc-id", Values: [existing.vpcId] }] }));
    const { clusters } = await aws.ecs.send(new DescribeClustersCommand({ clusters: [existing.clusterName] }));
    const { Listeners } = await aws.elbv2.send(new DescribeListenersCommand({ ListenerArns: [existing.listenerArn] }));
    return {
      vpc: Vpcs!.map((vpc) => [vpc.VpcId, vpc.CidrBlock, vpc.State]),
      subnets: Subnets!.map((subnet) => subnet.SubnetId).sort(),
      cluster: clusters!.map((cluster) => cluster.status),
      listener: Listeners!.map((listener) => listener.ListenerArn),
    };
  };
  let before: Awaited<ReturnType<typeof usersOwn>>;

  it("creates the load balancer, cluster and service in the existing VPC's subnets, and destroys them without touching the VPC", async () => {
    before = await usersOwn();
    const workspace = await workspaceOf("attached", {
      defaults: "recommended",
      name: "attached",
      loadBalancer: { deletionProtection: false },
      suppressions: [{ rule: "LB-HTTPS", reason: "A network for tests, without a domain: no certificate to serve HTTPS with." }],
      existing: { vpc: { vpcId: existing.vpcId, publicSubnetIds: existing.publicSubnetIds, privateSubnetIds: existing.privateSubnetIds } },
      image: "nginx:1.27",
      readonlyRootFilesystem: true,
      writablePaths: ["/var/cache/nginx", "/var/run"],
    });
    const planned = await workspace.plan();
    expect(planned.filter((change) => /^aws_(vpc|subnet|internet_gateway|nat_gateway|route)/.test(change.address))).toEqual([]);
    await workspace.apply();

    const { LoadBalancers } = await aws.elbv2.send(new DescribeLoadBalancersCommand({ Names: ["attached"] }));
    expect(LoadBalancers![0].VpcId).toBe(existing.vpcId);
    expect(LoadBalancers![0].AvailabilityZones!.map((zone) => zone.SubnetId).sort()).toEqual([...existing.publicSubnetIds].sort());
    const { services } = await aws.ecs.send(new DescribeServicesCommand({ cluster: "attached", services: ["attached"] }));
    expect([...services![0].networkConfiguration!.awsvpcConfiguration!.subnets!].sort()).toEqual([...existing.privateSubnetIds].sort());
    const { TargetGroups } = await aws.elbv2.send(new DescribeTargetGroupsCommand({}));
    expect(TargetGroups!.map((group) => group.VpcId)).toEqual([existing.vpcId]);
    expect((await inventory(aws)).vpcs).toEqual([existing.vpcId]);
    // The load balancer reaches every block of the VPC, the secondary one its tasks run in too.
    const { SecurityGroups } = await aws.ec2.send(
      new DescribeSecurityGroupsCommand({ Filters: [{ Name: "group-name", Values: ["attached-alb"] }] }),
    );
    expect(SecurityGroups![0].IpPermissionsEgress!.flatMap((rule) => rule.IpRanges!.map((range) => range.CidrIp)).sort()).toEqual([
      "10.50.0.0/16",
      "10.60.0.0/16",
    ]);
    expect(await workspace.plan()).toEqual([]);

    await workspace.destroy();
    expect(await workspace.stateList()).toEqual([]);
    expect(await usersOwn()).toEqual(before);
    const left = await inventory(aws);
    expect(left).toMatchObject({ loadBalancers: ["edge"], clusters: ["platform"], services: [], targetGroups: [], vpcs: [existing.vpcId] });
  });

  it("adds only the service's own parts on an existing cluster and listener, and leaves them as they were on destroy", async () => {
    const workspace = await workspaceOf("joined", {
      defaults: "recommended",
      name: "joined",
      existing: {
        vpc: { vpcId: existing.vpcId, privateSubnetIds: existing.privateSubnetIds },
        clusterName: existing.clusterName,
        listenerArn: existing.listenerArn,
      },
      image: "nginx:1.27",
      readonlyRootFilesystem: true,
      writablePaths: ["/var/cache/nginx", "/var/run"],
      listenerRule: { pathPatterns: ["/joined/*"], priority: 30 },
    });
    await workspace.apply();
    expect((await workspace.stateList()).filter((address) => /^aws_(vpc|subnet|lb|lb_listener|ecs_cluster)\./.test(address))).toEqual([]);

    const { serviceArns } = await aws.ecs.send(new ListServicesCommand({ cluster: existing.clusterName }));
    expect(serviceArns!.map((arn) => arn.split("/").pop())).toEqual(["joined"]);
    const { Rules } = await aws.elbv2.send(new DescribeRulesCommand({ ListenerArn: existing.listenerArn }));
    const own = Rules!.filter((rule) => !rule.IsDefault);
    expect(own.map((rule) => [rule.Priority, rule.Conditions!.map(valuesOf)])).toEqual([["30", [["/joined/*"]]]]);
    const { SecurityGroups } = await aws.ec2.send(
      new DescribeSecurityGroupsCommand({ Filters: [{ Name: "group-name", Values: ["edge", "joined-ecs"] }] }),
    );
    const edge = SecurityGroups!.find((group) => group.GroupName === "edge")!;
    const tasks = SecurityGroups!.find((group) => group.GroupName === "joined-ecs")!;
    expect(tasks.IpPermissions!.map((rule) => [rule.FromPort, rule.UserIdGroupPairs!.map((pair) => pair.GroupId)])).toEqual([
      [80, [edge.GroupId]],
    ]);
    expect(await workspace.plan()).toEqual([]);

    await workspace.destroy();
    expect(await usersOwn()).toEqual(before);
    const { Rules: after } = await aws.elbv2.send(new DescribeRulesCommand({ ListenerArn: existing.listenerArn }));
    expect(after!.filter((rule) => !rule.IsDefault)).toEqual([]);
    expect(await inventory(aws)).toMatchObject({ services: [], targetGroups: [], loadBalancers: ["edge"], clusters: ["platform"] });
  });
});
