import {
  DescribeNatGatewaysCommand,
  DescribeRouteTablesCommand,
  DescribeSecurityGroupsCommand,
  DescribeSubnetsCommand,
  DescribeVpcsCommand,
  type IpPermission,
} from "@aws-sdk/client-ec2";
import { DescribeServicesCommand, DescribeTaskDefinitionCommand } from "@aws-sdk/client-ecs";
import {
  DescribeListenersCommand,
  DescribeLoadBalancersCommand,
  DescribeRulesCommand,
  DescribeTargetGroupsCommand,
} from "@aws-sdk/client-elastic-load-balancing-v2";
import { inventory } from "../../tools/harness/aws-inventory";
import { type Environment, hclWorkspace, NOTHING_LEFT, startEnvironment } from "./environment";

describe("handson against a local AWS API: plan, apply, re-plan, destroy", () => {
  let e: Environment;
  beforeAll(async () => {
    e = await startEnvironment();
    await e.workspace.init();
  });
  afterAll(async () => e?.dispose());

  const nameTag = (tags: { Key?: string; Value?: string }[] | undefined) => tags?.find((t) => t.Key === "Name")?.Value;

  it("plans exactly 39 resources to add", async () => {
    const changes = await e.workspace.plan();
    expect(changes).toHaveLength(39);
    expect(changes.every((change) => change.actions.join() === "create")).toBe(true);
  });

  it("applies, and the outputs name the ALB, cluster and service", async () => {
    await e.workspace.apply();
    const outputs = await e.workspace.outputs();
    expect(outputs.cluster_name).toBe("handson");
    expect(outputs.service_name).toBe("handson");
    expect(outputs.url).toBe(`http://${outputs.alb_dns_name}`);
    expect(await e.workspace.stateList()).toHaveLength(39);
  });

  it("runs the service: ACTIVE, FARGATE, one task in the three private subnets, behind the target group as nginx:80", async () => {
    const { services } = await e.aws.ecs.send(new DescribeServicesCommand({ cluster: "handson", services: ["handson"] }));
    expect(services).toHaveLength(1);
    const service = services![0];
    expect(service).toMatchObject({ serviceName: "handson", status: "ACTIVE", launchType: "FARGATE", desiredCount: 1 });

    const network = service.networkConfiguration!.awsvpcConfiguration!;
    const { Subnets } = await e.aws.ec2.send(new DescribeSubnetsCommand({ SubnetIds: network.subnets }));
    expect(Subnets!.map((s) => nameTag(s.Tags)).sort()).toEqual(["handson-private-1a", "handson-private-1c", "handson-private-1d"]);
    expect(new Set(Subnets!.map((s) => s.AvailabilityZone))).toEqual(new Set(["ap-northeast-1a", "ap-northeast-1c", "ap-northeast-1d"]));
    const { SecurityGroups } = await e.aws.ec2.send(new DescribeSecurityGroupsCommand({ GroupIds: network.securityGroups }));
    expect(SecurityGroups!.map((g) => g.GroupName)).toEqual(["handson-ecs"]);

    const { TargetGroups } = await e.aws.elbv2.send(new DescribeTargetGroupsCommand({ Names: ["handson"] }));
    expect(service.loadBalancers).toEqual([
      expect.objectContaining({ targetGroupArn: TargetGroups![0].TargetGroupArn, containerName: "nginx", containerPort: 80 }),
    ]);
    expect(TargetGroups![0]).toMatchObject({ Port: 80, Protocol: "HTTP", TargetType: "ip", HealthCheckPath: "/", HealthCheckPort: "80" });
  });

  it("defines the task as nginx:1.14 on port 80 with 256 CPU / 512 MiB in awsvpc mode", async () => {
    const { services } = await e.aws.ecs.send(new DescribeServicesCommand({ cluster: "handson", services: ["handson"] }));
    const { taskDefinition } = await e.aws.ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition: services![0].taskDefinition }));
    expect(taskDefinition).toMatchObject({
      family: "handson",
      cpu: "256",
      memory: "512",
      networkMode: "awsvpc",
      requiresCompatibilities: ["FARGATE"],
    });
    expect(taskDefinition!.containerDefinitions).toEqual([
      expect.objectContaining({
        name: "nginx",
        image: "nginx:1.14",
        portMappings: [expect.objectContaining({ containerPort: 80, hostPort: 80 })],
      }),
    ]);
  });

  it("answers 'ok' on :80 by default and forwards * to the target group", async () => {
    const { LoadBalancers } = await e.aws.elbv2.send(new DescribeLoadBalancersCommand({ Names: ["handson"] }));
    const alb = LoadBalancers![0];
    const { Listeners } = await e.aws.elbv2.send(new DescribeListenersCommand({ LoadBalancerArn: alb.LoadBalancerArn }));
    expect(Listeners).toHaveLength(1);
    expect(Listeners![0]).toMatchObject({ Port: 80, Protocol: "HTTP" });
    expect(Listeners![0].DefaultActions).toEqual([
      expect.objectContaining({
        Type: "fixed-response",
        FixedResponseConfig: expect.objectContaining({ StatusCode: "200", ContentType: "text/plain", MessageBody: "ok" }),
      }),
    ]);
    const { Rules } = await e.aws.elbv2.send(new DescribeRulesCommand({ ListenerArn: Listeners![0].ListenerArn }));
    const { TargetGroups } = await e.aws.elbv2.send(new DescribeTargetGroupsCommand({ Names: ["handson"] }));
    const forwarding = Rules!.filter((rule) => !rule.IsDefault);
    expect(forwarding).toHaveLength(1);
    expect(forwarding[0].Conditions).toEqual([expect.objectContaining({ Field: "path-pattern", PathPatternConfig: { Values: ["*"] } })]);
    expect(forwarding[0].Actions).toEqual([expect.objectContaining({ Type: "forward", TargetGroupArn: TargetGroups![0].TargetGroupArn })]);
  });

  it("puts the ALB internet-facing in the public subnets and routes each private subnet through its own zone's NAT", async () => {
    const { LoadBalancers } = await e.aws.elbv2.send(new DescribeLoadBalancersCommand({ Names: ["handson"] }));
    const alb = LoadBalancers![0];
    expect(alb.Type).toBe("application");
    expect(alb.Scheme).toBe("internet-facing");
    const { Subnets: albSubnets } = await e.aws.ec2.send(
      new DescribeSubnetsCommand({ SubnetIds: alb.AvailabilityZones!.map((zone) => zone.SubnetId!) }),
    );
    expect(albSubnets!.map((s) => nameTag(s.Tags)).sort()).toEqual(["handson-public-1a", "handson-public-1c", "handson-public-1d"]);

    const { Vpcs } = await e.aws.ec2.send(new DescribeVpcsCommand({ Filters: [{ Name: "tag:Name", Values: ["handson"] }] }));
    expect(Vpcs).toHaveLength(1);
    expect(Vpcs![0].CidrBlock).toBe("10.0.0.0/16");
    const vpcFilter = [{ Name: "vpc-id", Values: [Vpcs![0].VpcId!] }];
    const { Subnets } = await e.aws.ec2.send(new DescribeSubnetsCommand({ Filters: vpcFilter }));
    const { RouteTables } = await e.aws.ec2.send(new DescribeRouteTablesCommand({ Filters: vpcFilter }));
    const { NatGateways } = await e.aws.ec2.send(new DescribeNatGatewaysCommand({ Filter: vpcFilter }));
    const zoneOf = (subnetId?: string) => Subnets!.find((s) => s.SubnetId === subnetId)?.AvailabilityZone;

    for (const subnet of Subnets!) {
      const table = RouteTables!.find((t) => t.Associations?.some((a) => a.SubnetId === subnet.SubnetId));
      const defaultRoute = table?.Routes?.find((r) => r.DestinationCidrBlock === "0.0.0.0/0");
      const name = nameTag(subnet.Tags)!;
      if (name.startsWith("handson-public-")) {
        expect(defaultRoute?.GatewayId, name).toMatch(/^igw-/);
      } else {
        const nat = NatGateways!.find((n) => n.NatGatewayId === defaultRoute?.NatGatewayId);
        expect(nat, `${name} routes to a NAT gateway`).toBeDefined();
        expect(zoneOf(nat!.SubnetId), `${name}'s NAT is in its zone`).toBe(subnet.AvailabilityZone);
      }
    }
    expect(Subnets).toHaveLength(6);
  });

  it("allows exactly HTTP 80 from anywhere to the ALB, and 80 from the VPC to the tasks; all egress", async () => {
    const { SecurityGroups } = await e.aws.ec2.send(
      new DescribeSecurityGroupsCommand({ Filters: [{ Name: "group-name", Values: ["handson-alb", "handson-ecs"] }] }),
    );
    const byName = Object.fromEntries(SecurityGroups!.map((g) => [g.GroupName, g]));
    const rules = (permissions: IpPermission[] | undefined) =>
      (permissions ?? []).map((p) => ({
        protocol: p.IpProtocol,
        from: p.FromPort,
        to: p.ToPort,
        cidrs: (p.IpRanges ?? []).map((r) => r.CidrIp),
      }));
    expect(rules(byName["handson-alb"].IpPermissions)).toEqual([{ protocol: "tcp", from: 80, to: 80, cidrs: ["0.0.0.0/0"] }]);
    expect(rules(byName["handson-ecs"].IpPermissions)).toEqual([{ protocol: "tcp", from: 80, to: 80, cidrs: ["10.0.0.0/16"] }]);
    for (const group of ["handson-alb", "handson-ecs"]) {
      expect(rules(byName[group].IpPermissionsEgress).map((r) => [r.protocol, r.cidrs])).toEqual([["-1", ["0.0.0.0/0"]]]);
    }
  });

  it("re-plans with no changes", async () => {
    expect(await e.workspace.plan()).toEqual([]);
  });

  it("plans no change either from its plain HCL (npm run hcl), the way out of CDK for Terraform", async () => {
    expect(await (await hclWorkspace(e, "handson")).plan()).toEqual([]);
  });

  it("destroys everything it created", async () => {
    await e.workspace.destroy();
    expect(await e.workspace.stateList()).toEqual([]);
    expect(await inventory(e.aws)).toEqual(NOTHING_LEFT);
  });
});
