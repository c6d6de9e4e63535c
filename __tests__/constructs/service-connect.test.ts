import { EcsCluster } from "@cdktf/provider-aws/lib/ecs-cluster";
import { EcsService } from "@cdktf/provider-aws/lib/ecs-service";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { SecurityGroupRule } from "@cdktf/provider-aws/lib/security-group-rule";
import { ServiceDiscoveryHttpNamespace } from "@cdktf/provider-aws/lib/service-discovery-http-namespace";
import { TerraformStack, Testing } from "cdktf";
import { FargatePlatform } from "../../src/constructs/fargate-platform";
import { PlatformService } from "../../src/constructs/platform-service";
import { WebServiceStack } from "../../src/constructs/web-service-stack";
import { addresses, ref, resourceAt, type Synthesized, synthesize } from "../helpers";

function stackWithProvider(): TerraformStack {
  const stack = new TerraformStack(Testing.app(), "test");
  new AwsProvider(stack, "aws", { region: "ap-northeast-1" });
  return stack;
}

const NAMESPACE_ARN = ref("aws_service_discovery_http_namespace.service_connect_namespace", "arn");

/** The ingress rules of one security group, by address. */
function ingressRulesOf(synth: Synthesized, securityGroupAddress: string): Record<string, Record<string, unknown>> {
  const rules = synth.doc.resource.aws_security_group_rule ?? {};
  return Object.fromEntries(
    Object.entries(rules).filter(([, rule]) => rule.type === "ingress" && rule.security_group_id === ref(securityGroupAddress, "id")),
  );
}

describe("ServiceConnect", () => {
  it("orders two internal services one way only, the later after the earlier, so that there is no cycle", () => {
    const stack = stackWithProvider();
    const platform = new FargatePlatform(stack, "platform", { name: "shop" });
    new PlatformService(stack, "web", { platform });
    new PlatformService(stack, "api", { platform, kind: "internal", serviceConnect: { name: "api", port: 80 } });
    new PlatformService(stack, "users", { platform, kind: "internal", serviceConnect: { name: "users", port: 80 } });
    const synth = synthesize(stack);
    expect(resourceAt(synth, "aws_ecs_service.users_main").depends_on).toContain("aws_ecs_service.api_main");
    expect(resourceAt(synth, "aws_ecs_service.api_main").depends_on ?? []).not.toContain("aws_ecs_service.users_main");
    for (const service of ["aws_ecs_service.main", "aws_ecs_service.api_main", "aws_ecs_service.users_main"]) {
      expect(resourceAt(synth, service).triggers, service).toEqual({ service_connect: "api:80,users:80" });
    }
  });

  describe("a platform with a web service, an internal service, and a web service added after it", () => {
    // GIVEN a web service first (as a file's first service usually is), then an internal one, then another web service
    const stack = stackWithProvider();
    const platform = new FargatePlatform(stack, "platform", { name: "shop", defaults: "recommended", natGateways: "single" });
    new PlatformService(stack, "web", { platform, listenerRule: { pathPatterns: ["/*"], priority: 100 } });
    new PlatformService(stack, "api", { platform, kind: "internal", containerPort: 8080, serviceConnect: { name: "api", port: 80 } });
    new PlatformService(stack, "admin", { platform, listenerRule: { pathPatterns: ["/admin/*"], priority: 10 } });
    // WHEN it is synthesized
    const synth = synthesize(stack);

    it("starts every caller after the internal service, and deploys each again when the names it can call change", () => {
      // A task resolves only the names that existed when it started (AWS's Service Connect deployment guidance).
      for (const caller of ["aws_ecs_service.main", "aws_ecs_service.admin_main"]) {
        expect(resourceAt(synth, caller).depends_on, caller).toContain("aws_ecs_service.api_main");
        expect(resourceAt(synth, caller)).toMatchObject({ force_new_deployment: true, triggers: { service_connect: "api:80" } });
      }
      expect(resourceAt(synth, "aws_ecs_service.api_main").depends_on ?? []).not.toContain("aws_ecs_service.main");
      expect(resourceAt(synth, "aws_ecs_service.api_main").triggers).toEqual({ service_connect: "api:80" });
    });

    it("has the platform's Cloud Map HTTP namespace, named after it", () => {
      expect(synth.json).toHaveResourceWithProperties(ServiceDiscoveryHttpNamespace, { name: "shop" });
      expect(addresses(synth)).toContain("aws_service_discovery_http_namespace.service_connect_namespace");
    });

    it("names the namespace in each service instead of as the cluster's default, which the provider could never take away", () => {
      expect(synth.json).toHaveResourceWithProperties(EcsCluster, { name: "shop" });
      expect(resourceAt(synth, "aws_ecs_cluster.main").service_connect_defaults).toBeUndefined();
    });

    it("publishes the internal service as http://api:80, on its container port's named HTTP mapping", () => {
      expect(synth.json).toHaveResourceWithProperties(EcsService, {
        name: "shop-api",
        service_connect_configuration: {
          enabled: true,
          namespace: NAMESPACE_ARN,
          service: [{ port_name: "api", discovery_name: "api", client_alias: { port: 80, dns_name: "api" } }],
          // The proxy logs with the container, through the execution role that may write there.
          log_configuration: {
            log_driver: "awslogs",
            options: {
              "awslogs-group": ref("aws_cloudwatch_log_group.api_main", "name"),
              "awslogs-region": "ap-northeast-1",
              "awslogs-stream-prefix": "nginx",
            },
          },
        },
      });
      const [container] = JSON.parse(resourceAt(synth, "aws_ecs_task_definition.api_main").container_definitions);
      expect(container.portMappings).toEqual([{ containerPort: 8080, hostPort: 8080, name: "api", appProtocol: "http" }]);
      // Behind no load balancer: no target group, no listener rule.
      expect(addresses(synth).filter((address) => /^aws_lb_(target_group|listener_rule)\.api_/.test(address))).toEqual([]);
    });

    it("makes the web services clients of the namespace, those before the internal service and those after it", () => {
      for (const address of ["aws_ecs_service.main", "aws_ecs_service.admin_main"]) {
        const configuration = resourceAt(synth, address).service_connect_configuration;
        expect(configuration).toMatchObject({ enabled: true, namespace: NAMESPACE_ARN });
        expect(configuration.service).toBeUndefined();
      }
      // Their port mappings stay unnamed: they publish nothing.
      const [web] = JSON.parse(resourceAt(synth, "aws_ecs_task_definition.main").container_definitions);
      expect(web.portMappings).toEqual([{ containerPort: 80, hostPort: 80 }]);
    });

    it("admits the container port of the internal service from the security groups of the web services, and nothing else", () => {
      expect(ingressRulesOf(synth, "aws_security_group.api_ecs")).toEqual({
        api_ecs_from_shop: expect.objectContaining({
          from_port: 8080,
          to_port: 8080,
          protocol: "tcp",
          source_security_group_id: ref("aws_security_group.ecs", "id"),
        }),
        api_ecs_from_shop_admin: expect.objectContaining({
          from_port: 8080,
          to_port: 8080,
          protocol: "tcp",
          source_security_group_id: ref("aws_security_group.admin_ecs", "id"),
        }),
      });
      expect(synth.json).toHaveResourceWithProperties(SecurityGroupRule, {
        security_group_id: ref("aws_security_group.api_ecs", "id"),
        source_security_group_id: ref("aws_security_group.ecs", "id"),
      });
      // The web services keep their ingress from the load balancer as it was.
      expect(resourceAt(synth, "aws_security_group_rule.ecs").source_security_group_id).toBe(ref("aws_security_group.alb", "id"));
    });
  });

  it("puts the services of an existing cluster, whose defaults the stack cannot set, in a namespace of their own", () => {
    const stack = stackWithProvider();
    const platform = new FargatePlatform(stack, "platform", {
      name: "shop",
      existing: {
        vpc: { vpcId: "vpc-0abc0000000000000", privateSubnetIds: ["subnet-11000000000000000"] },
        clusterName: "platform",
        listenerArn: "arn:aws:elasticloadbalancing:ap-northeast-1:123456789012:listener/app/platform/0123456789abcdef/0123456789abcdef",
      },
    });
    new PlatformService(stack, "web", { platform, listenerRule: { pathPatterns: ["/web/*"], priority: 30 } });
    new PlatformService(stack, "api", { platform, kind: "internal" });
    const synth = synthesize(stack);

    expect(addresses(synth).filter((address) => address.startsWith("aws_ecs_cluster."))).toEqual([]);
    expect(resourceAt(synth, "aws_ecs_service.api_main")).toMatchObject({
      cluster: "${data.aws_ecs_cluster.existing.cluster_name}",
      service_connect_configuration: { enabled: true, namespace: NAMESPACE_ARN },
    });
    expect(resourceAt(synth, "aws_ecs_service.main").service_connect_configuration).toEqual({ enabled: true, namespace: NAMESPACE_ARN });
  });

  it("writes no Service Connect anywhere on a platform without an internal service", () => {
    const stack = stackWithProvider();
    const platform = new FargatePlatform(stack, "platform", { name: "shop", natGateways: "single" });
    new PlatformService(stack, "web", { platform, listenerRule: { pathPatterns: ["/*"], priority: 100 } });
    new PlatformService(stack, "admin", { platform, listenerRule: { pathPatterns: ["/admin/*"], priority: 10 } });
    const synth = synthesize(stack);

    expect(synth.json).not.toHaveResource(ServiceDiscoveryHttpNamespace);
    expect(synth.json).not.toContain("service_connect");
    expect(synth.json).not.toContain("appProtocol");
  });

  it("is valid Terraform from an environment file with a web and an internal service", () => {
    const stack = new WebServiceStack(Testing.app(), "shop", {
      name: "shop",
      natGateways: "single",
      services: { web: {}, api: { kind: "internal", containerPort: 8080 } },
    });
    const synth = synthesize(stack);
    expect(resourceAt(synth, "aws_ecs_service.api_main").service_connect_configuration).toMatchObject({
      service: [{ discovery_name: "api", client_alias: { port: 8080, dns_name: "api" } }],
    });
    expect(resourceAt(synth, "aws_ecs_service.main").service_connect_configuration).toEqual({ enabled: true, namespace: NAMESPACE_ARN });
    expect(Testing.fullSynth(stack)).toBeValidTerraform();
  });
});
