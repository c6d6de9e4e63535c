import { Eip } from "@cdktf/provider-aws/lib/eip";
import { NatGateway } from "@cdktf/provider-aws/lib/nat-gateway";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { SecurityGroupRule } from "@cdktf/provider-aws/lib/security-group-rule";
import { TerraformResource, TerraformStack, TerraformVariable, Testing } from "cdktf";
import { FargateWebService } from "../../src/constructs/fargate-web-service";
import { WebServiceStack } from "../../src/constructs/web-service-stack";
import { SettingsError } from "../../src/settings/problems";
import type { FargateWebServiceProps } from "../../src/settings/settings";
import { ACCESS_LOGS_ADDRESSES } from "../fixtures/chapter-addresses";
import { addresses, ref, resourceAt, type Synthesized, synthesize } from "../helpers";

function stackWithProvider(region = "ap-northeast-1"): TerraformStack {
  const stack = new TerraformStack(Testing.app(), "test");
  new AwsProvider(stack, "aws", { region });
  return stack;
}

function synthesizeService(props?: FargateWebServiceProps): Synthesized {
  const stack = stackWithProvider();
  new FargateWebService(stack, "web", props);
  return synthesize(stack);
}

const resourcesOf = (stack: TerraformStack) => stack.node.findAll().filter((node) => node instanceof TerraformResource);

describe("FargateWebService", () => {
  it("is exactly the tutorial's handson resources when given no props", () => {
    const handson = synthesize(new WebServiceStack(Testing.app(), "handson"));
    expect(synthesizeService().doc.resource).toEqual(handson.doc.resource);
  });

  it("exposes its parts and its resolved settings", () => {
    const service = new FargateWebService(stackWithProvider(), "web", { desiredCount: 2 });
    expect(service.settings.desiredCount).toBe(2);
    expect(service.network!.vpc.cidrBlockInput).toBe("10.0.0.0/16");
    expect(service.loadBalancer!.alb.nameInput).toBe("handson");
    expect(service.cluster!.cluster.nameInput).toBe("handson");
    expect(service.service.service.desiredCountInput).toBe(2);
  });

  describe("safe changes", () => {
    const CREATE_FIRST = [
      "aws_ecs_task_definition.main",
      "aws_lb_target_group.main",
      "aws_security_group.alb",
      "aws_security_group.ecs",
      "aws_security_group_rule.alb_http",
      "aws_security_group_rule.ecs",
      "aws_subnet.private_1a",
      "aws_subnet.private_1c",
      "aws_subnet.private_1d",
      "aws_subnet.public_1a",
      "aws_subnet.public_1c",
      "aws_subnet.public_1d",
    ];
    const withLifecycle = (synth: Synthesized) => addresses(synth).filter((address) => resourceAt(synth, address).lifecycle !== undefined);

    it("leave the tutorial as its HCL has it: Terraform's order, the old one destroyed first", () => {
      expect(withLifecycle(synthesizeService())).toEqual([]);
    });

    it("create the new resource first wherever AWS allows both at once, once a setting differs from the tutorial's", () => {
      const synth = synthesizeService({ desiredCount: 2 });
      expect(withLifecycle(synth)).toEqual(["aws_ecs_cluster.main", "aws_lb.main", ...CREATE_FIRST].sort());
      for (const address of CREATE_FIRST) expect(resourceAt(synth, address).lifecycle, address).toEqual({ create_before_destroy: true });
    });

    it("replace the load balancer with its VPC, which it cannot move out of", () => {
      expect(resourceAt(synthesizeService({ desiredCount: 2 }), "aws_lb.main").lifecycle).toEqual({
        replace_triggered_by: ["aws_vpc.main.id"],
      });
    });

    it("name the target group after its port and VPC, so that its replacement can exist beside it, and keep the tutorial's name with the tutorial's", () => {
      expect(resourceAt(synthesizeService({ containerPort: 8080 }), "aws_lb_target_group.main").name).toMatch(/^handson-[0-9a-f]{6}$/);
      expect(resourceAt(synthesizeService({ safeChanges: true }), "aws_lb_target_group.main")).toMatchObject({
        name: "handson",
        lifecycle: { create_before_destroy: true },
      });
    });

    it("leave the cluster's Exec configuration alone when Exec is off, so that turning Exec off plans no change no apply makes", () => {
      expect(resourceAt(synthesizeService({ desiredCount: 2 }), "aws_ecs_cluster.main").lifecycle).toEqual({
        ignore_changes: ["configuration"],
      });
      expect(
        resourceAt(synthesizeService({ desiredCount: 2, enableExecuteCommand: true }), "aws_ecs_cluster.main").lifecycle,
      ).toBeUndefined();
      expect(resourceAt(synthesizeService(), "aws_ecs_cluster.main").lifecycle).toBeUndefined();
    });

    // Only AWS shows the stall: a target group deleted while old tasks are still registered in it
    // leaves ECS unable to finish the rollout (aws/containers-roadmap #1884, #2196). Terraform deletes
    // a replaced-new-first target group after the service's update returns: the update must wait.
    it("make the service's update wait for the rollout, so that a target group replaced new-first is deleted once the tasks left it (in what is synthesized)", () => {
      const synth = synthesizeService({ containerPort: 8080 });
      expect(resourceAt(synth, "aws_lb_target_group.main").lifecycle).toEqual({ create_before_destroy: true });
      expect(resourceAt(synth, "aws_ecs_service.main")).toMatchObject({
        wait_for_steady_state: true,
        load_balancer: [expect.objectContaining({ target_group_arn: ref("aws_lb_target_group.main", "arn") })],
      });
      expect(resourceAt(synthesizeService(), "aws_ecs_service.main").wait_for_steady_state).toBeUndefined();
      expect(
        resourceAt(synthesizeService({ containerPort: 8080, deployment: { waitForSteadyState: false } }), "aws_ecs_service.main")
          .wait_for_steady_state,
      ).toBeUndefined();
    });

    // The provider cannot take deployment alarms off: without the block it sends ECS alarms without
    // names, which the SDK refuses. Off is written as alarms that are not watched.
    it("write deployment alarms off, with their names, so that turning alarms off a live service converges", () => {
      expect(resourceAt(synthesizeService({ desiredCount: 2 }), "aws_ecs_service.main").alarms).toEqual({
        alarm_names: ["handson-target-5xx", "handson-unhealthy-targets", "handson-response-time"],
        enable: false,
        rollback: false,
      });
      expect(resourceAt(synthesizeService(), "aws_ecs_service.main").alarms).toBeUndefined();
    });

    it("are off when the file says so", () => {
      expect(withLifecycle(synthesizeService({ containerPort: 8080, safeChanges: false }))).toEqual([]);
    });
  });

  describe("natGateways", () => {
    it("single: one NAT gateway, in the first zone, for every private subnet", () => {
      const synth = synthesizeService({ natGateways: "single" });
      expect(synth.json).toHaveResourceWithProperties(NatGateway, { subnet_id: ref("aws_subnet.public_1a", "id") });
      expect(addresses(synth).filter((a) => /^aws_(eip|nat_gateway)\./.test(a))).toEqual(["aws_eip.nat_1a", "aws_nat_gateway.nat_1a"]);
      for (const zone of ["1a", "1c", "1d"]) {
        expect(resourceAt(synth, `aws_route.private_${zone}`).nat_gateway_id).toBe(ref("aws_nat_gateway.nat_1a", "id"));
      }
      expect(addresses(synth)).toHaveLength(35);
    });

    it("none: no NAT gateway; the tasks run in the public subnets with a public IP", () => {
      const synth = synthesizeService({ natGateways: "none" });
      expect(Testing.toHaveResource(synth.json, Eip.tfResourceType)).toBe(false);
      expect(Testing.toHaveResource(synth.json, NatGateway.tfResourceType)).toBe(false);
      expect(addresses(synth).filter((a) => a.startsWith("aws_route.private"))).toEqual([]);
      expect(resourceAt(synth, "aws_ecs_service.main").network_configuration).toEqual({
        subnets: ["1a", "1c", "1d"].map((z) => ref(`aws_subnet.public_${z}`, "id")),
        security_groups: [ref("aws_security_group.ecs", "id")],
        assign_public_ip: true,
      });
      expect(addresses(synth)).toHaveLength(30);
    });
  });

  it("creates the internet-facing load balancer only once the internet gateway exists, as AWS requires", () => {
    expect(resourceAt(synthesizeService(), "aws_lb.main").depends_on).toEqual(["aws_internet_gateway.main"]);
  });

  it("serviceIngress alb-security-group: the tasks accept the container port from the load balancer only", () => {
    const synth = synthesizeService({ serviceIngress: "alb-security-group", containerPort: 8080 });
    expect(synth.json).toHaveResourceWithProperties(SecurityGroupRule, {
      security_group_id: ref("aws_security_group.ecs", "id"),
      source_security_group_id: ref("aws_security_group.alb", "id"),
      from_port: 8080,
      to_port: 8080,
    });
    expect(resourceAt(synth, "aws_security_group_rule.ecs").cidr_blocks).toBeUndefined();
  });

  it("tags every taggable resource, each keeping its own Name", () => {
    const synth = synthesizeService({ tags: { Team: "payments", Environment: "staging" } });
    const taggable = addresses(synth).filter((a) => !/^aws_(route|route_table_association|security_group_rule)\./.test(a));
    for (const address of taggable) {
      expect(resourceAt(synth, address).tags, address).toMatchObject({ Team: "payments", Environment: "staging" });
    }
    expect(resourceAt(synth, "aws_vpc.main").tags).toEqual({ Name: "handson", Team: "payments", Environment: "staging" });
    expect(resourceAt(synth, "aws_ecs_service.main").tags).toEqual({ Team: "payments", Environment: "staging" });
    expect(resourceAt(synth, "aws_route.public").tags).toBeUndefined();
  });

  it("passes the container, health check and listener rule settings through", () => {
    const synth = synthesizeService({
      image: "ghcr.io/shop/api:1.0",
      containerName: "api",
      containerPort: 8080,
      cpu: 1024,
      memory: 2048,
      desiredCount: 3,
      environment: { PORT: "8080", LOG_LEVEL: "info" },
      healthCheck: {
        path: "/healthz",
        intervalSeconds: 15,
        timeoutSeconds: 5,
        healthyThreshold: 2,
        unhealthyThreshold: 3,
        matcher: "200-299",
      },
      listenerRule: { pathPatterns: ["/api/*"], priority: 10 },
    });
    expect(JSON.parse(resourceAt(synth, "aws_ecs_task_definition.main").container_definitions)).toEqual([
      {
        name: "api",
        image: "ghcr.io/shop/api:1.0",
        portMappings: [{ containerPort: 8080, hostPort: 8080 }],
        environment: [
          { name: "LOG_LEVEL", value: "info" },
          { name: "PORT", value: "8080" },
        ],
      },
    ]);
    expect(resourceAt(synth, "aws_ecs_task_definition.main")).toMatchObject({ cpu: "1024", memory: "2048" });
    expect(resourceAt(synth, "aws_lb_target_group.main")).toMatchObject({
      port: 8080,
      health_check: {
        path: "/healthz",
        port: "8080",
        interval: 15,
        timeout: 5,
        healthy_threshold: 2,
        unhealthy_threshold: 3,
        matcher: "200-299",
      },
    });
    expect(resourceAt(synth, "aws_lb_listener_rule.main")).toMatchObject({
      priority: 10,
      condition: [{ path_pattern: { values: ["/api/*"] } }],
    });
    expect(resourceAt(synth, "aws_ecs_service.main")).toMatchObject({
      desired_count: 3,
      load_balancer: [{ container_name: "api", container_port: 8080 }],
    });
  });

  describe("several in one stack", () => {
    it("fit side by side with their own address prefixes and names", () => {
      const stack = stackWithProvider();
      new FargateWebService(stack, "api", { name: "api", addressPrefix: "api" });
      new FargateWebService(stack, "web", {
        name: "web",
        addressPrefix: "web",
        vpcCidr: "10.1.0.0/16",
        publicSubnetCidrs: ["10.1.1.0/24", "10.1.2.0/24", "10.1.3.0/24"],
        privateSubnetCidrs: ["10.1.10.0/24", "10.1.20.0/24", "10.1.30.0/24"],
      });
      const synth = synthesize(stack);
      expect(addresses(synth)).toHaveLength(78);
      expect(resourceAt(synth, "aws_vpc.web_main").cidr_block).toBe("10.1.0.0/16");
      expect(resourceAt(synth, "aws_ecs_service.api_main")).toMatchObject({
        name: "api",
        cluster: ref("aws_ecs_cluster.api_main", "name"),
        network_configuration: { subnets: ["1a", "1c", "1d"].map((z) => ref(`aws_subnet.api_private_${z}`, "id")) },
      });
    });

    it("refuse a second service at the same addresses", () => {
      const stack = stackWithProvider();
      new FargateWebService(stack, "api", { name: "api" });
      expect(() => new FargateWebService(stack, "web", { name: "web" })).toThrow(
        "test/web/network/vpc: Terraform address aws_vpc.main is already used by test/api/network/vpc; give each FargateWebService in a stack its own addressPrefix",
      );
    });

    it("refuse a second service of the same name, whose AWS names would collide", () => {
      const stack = stackWithProvider();
      new FargateWebService(stack, "api", { addressPrefix: "api" });
      expect(() => new FargateWebService(stack, "web", { addressPrefix: "web" })).toThrow(
        new SettingsError([
          'test/web.name: must differ from the name of test/api in the same stack (AWS names would collide); received "handson"',
        ]),
      );
    });
  });

  describe("validation", () => {
    it("rejects bad props before creating any resource", () => {
      const stack = stackWithProvider();
      expect(() => new FargateWebService(stack, "web", { memory: 4096, desiredCount: -1 })).toThrow(
        new SettingsError([
          "test/web.desiredCount: must be an integer of at least 0; received -1",
          "test/web.memory: must be 512, 1024, 2048 MiB with cpu 256 (Fargate's valid pairs); received 4096",
        ]),
      );
      expect(resourcesOf(stack)).toEqual([]);
    });

    it("checks the zones against the region of the stack's AWS provider", () => {
      const stack = stackWithProvider("eu-west-1");
      expect(() => new FargateWebService(stack, "web")).toThrow(
        'test/web.azs[0]: must be an availability zone of region eu-west-1, such as eu-west-1a; received "ap-northeast-1a"',
      );
      expect(
        () => new FargateWebService(stackWithProvider("eu-west-1"), "web", { azs: ["eu-west-1a", "eu-west-1b", "eu-west-1c"] }),
      ).not.toThrow();
    });
  });
});

describe("FargateWebService beyond the tutorial", () => {
  it("under the recommended defaults: logs, an execution role for them, an empty task role, only the ALB reaching the tasks", () => {
    const synth = synthesizeService({ defaults: "recommended" });
    const added = addresses(synth).filter((address) => !addresses(synthesizeService()).includes(address));
    expect(added).toEqual([
      "aws_cloudwatch_event_rule.deployment_failed",
      "aws_cloudwatch_event_target.deployment_failed",
      "aws_cloudwatch_log_group.main",
      "aws_cloudwatch_metric_alarm.response_time",
      "aws_cloudwatch_metric_alarm.target_5xx",
      "aws_cloudwatch_metric_alarm.unhealthy_targets",
      "aws_default_security_group.main",
      "aws_ecs_cluster_capacity_providers.main",
      "aws_iam_role.execution",
      "aws_iam_role.task",
      "aws_iam_role_policy.execution",
      ...ACCESS_LOGS_ADDRESSES,
      "aws_sns_topic.notifications",
      "aws_sns_topic_policy.notifications",
    ]);
    // On the cluster's Fargate capacity provider, each change a deployment: turning Spot on later changes the service in place.
    expect(resourceAt(synth, "aws_ecs_service.main")).toMatchObject({
      capacity_provider_strategy: [{ capacity_provider: "FARGATE", weight: 1 }],
      force_new_deployment: true,
    });
    expect(resourceAt(synth, "aws_ecs_service.main").launch_type).toBeUndefined();
    expect(resourceAt(synth, "aws_security_group_rule.ecs").source_security_group_id).toBe(ref("aws_security_group.alb", "id"));
    expect(JSON.parse(resourceAt(synth, "aws_iam_role_policy.execution").policy).Statement).toEqual([
      {
        Sid: "Logs",
        Effect: "Allow",
        Action: ["logs:CreateLogStream", "logs:PutLogEvents"],
        Resource: `${ref("aws_cloudwatch_log_group.main", "arn")}:*`,
      },
    ]);
    expect(resourceAt(synth, "aws_ecs_task_definition.main")).toMatchObject({
      execution_role_arn: ref("aws_iam_role.execution", "arn"),
      task_role_arn: ref("aws_iam_role.task", "arn"),
    });
  });

  it("gives a private ECR image an execution role that can pull from exactly its repository", () => {
    const synth = synthesizeService({ image: "123456789012.dkr.ecr.ap-northeast-1.amazonaws.com/team/app:1.0" });
    const policy = JSON.parse(resourceAt(synth, "aws_iam_role_policy.execution").policy);
    expect(policy.Statement.map((statement: { Sid: string }) => statement.Sid)).toEqual(["EcrAuthorization", "EcrPull"]);
    expect(policy.Statement[1].Resource).toEqual(["arn:aws:ecr:ap-northeast-1:123456789012:repository/team/app"]);
    expect(addresses(synth)).not.toContain("aws_iam_role.task");
  });

  it("names its roles after the service and the region, so the same service fits in two regions of one account", () => {
    const stack = stackWithProvider("us-east-2");
    new FargateWebService(stack, "web", { defaults: "recommended", azs: ["us-east-2a", "us-east-2b", "us-east-2c"] });
    const synth = synthesize(stack);
    expect(resourceAt(synth, "aws_iam_role.execution").name).toBe("handson-us-east-2-execution");
  });

  it("reads the region from AWS when the provider's is only known at apply", () => {
    const stack = new TerraformStack(Testing.app(), "test");
    new AwsProvider(stack, "aws", { region: new TerraformVariable(stack, "region", { type: "string" }).stringValue });
    new FargateWebService(stack, "web", { logs: { enabled: true } });
    const synth = synthesize(stack);
    expect(resourceAt(synth, "aws_iam_role.execution").name).toMatch(
      /^handson-\$\{data\.aws_region\.web_region_[0-9A-F]+\.name\}-execution$/,
    );
  });

  it.each([
    [75, 1, [1, 3]],
    [50, 2, [1, 1]],
    [100, 1, [0, 1]],
    [30, 0, [7, 3]],
  ])(
    "runs %i %% of the tasks beyond a base of %i on Fargate Spot, with the weights in lowest terms",
    (spotPercent, onDemandBase, [onDemand, spot]) => {
      const synth = synthesizeService({ capacity: { spotPercent, onDemandBase } });
      expect(resourceAt(synth, "aws_ecs_service.main").capacity_provider_strategy).toEqual([
        { capacity_provider: "FARGATE", base: onDemandBase, weight: onDemand },
        { capacity_provider: "FARGATE_SPOT", weight: spot },
      ]);
      expect(resourceAt(synth, "aws_ecs_service.main").depends_on).toEqual([
        "aws_lb_listener_rule.main",
        "aws_ecs_cluster_capacity_providers.main",
      ]);
    },
  );

  it("scales the service it creates, on the load balancer's requests to its target group", () => {
    const synth = synthesizeService({ desiredCount: 2, autoscaling: { minCount: 2, maxCount: 4, requestsPerTarget: 100 } });
    expect(resourceAt(synth, "aws_appautoscaling_target.main").resource_id).toBe(
      `service/${ref("aws_ecs_cluster.main", "name")}/${ref("aws_ecs_service.main", "name")}`,
    );
    expect(
      resourceAt(synth, "aws_appautoscaling_policy.requests").target_tracking_scaling_policy_configuration.predefined_metric_specification,
    ).toEqual({
      predefined_metric_type: "ALBRequestCountPerTarget",
      resource_label: `${ref("aws_lb.main", "arn_suffix")}/${ref("aws_lb_target_group.main", "arn_suffix")}`,
    });
  });

  it("with ECS Exec, logs the sessions to a log group of their own and lets the task role open them", () => {
    const synth = synthesizeService({ enableExecuteCommand: true });
    expect(resourceAt(synth, "aws_ecs_cluster.main").configuration.execute_command_configuration.log_configuration).toEqual({
      cloud_watch_log_group_name: ref("aws_cloudwatch_log_group.exec", "name"),
    });
    const statements = JSON.parse(resourceAt(synth, "aws_iam_role_policy.task").policy).Statement;
    expect(statements.map((statement: { Sid: string }) => statement.Sid)).toEqual(["ExecSessions", "ExecLogGroups", "ExecLogs"]);
    expect(addresses(synth)).not.toContain("aws_iam_role.execution");
  });
});

describe("FargateWebService with HTTPS", () => {
  it("in the tutorial's way: the rule stays on HTTP, HTTPS forwards everything to the service, the domain's HTTP is redirected", () => {
    const synth = synthesizeService({ https: { domain: "example.com" } });
    expect(resourceAt(synth, "aws_lb_listener_rule.main").listener_arn).toBe(ref("aws_lb_listener.main", "arn"));
    expect(resourceAt(synth, "aws_lb_listener.https").default_action).toEqual([
      { type: "forward", target_group_arn: ref("aws_lb_target_group.main", "id") },
    ]);
    expect(addresses(synth)).toContain("aws_lb_listener_rule.http_to_https");
  });

  it("in the recommended way: all of HTTP redirected, the rule on HTTPS, 404 for the rest, TLS 1.3 and 1.2, a hardened load balancer", () => {
    const synth = synthesizeService({ defaults: "recommended", https: { domain: "example.com" }, loadBalancer: { waf: true } });
    expect(resourceAt(synth, "aws_lb_listener.main").default_action).toEqual([
      { type: "redirect", redirect: { port: "443", protocol: "HTTPS", status_code: "HTTP_301" } },
    ]);
    expect(resourceAt(synth, "aws_lb_listener_rule.main").listener_arn).toBe(ref("aws_lb_listener.https", "arn"));
    expect(resourceAt(synth, "aws_lb_listener.https")).toMatchObject({
      ssl_policy: "ELBSecurityPolicy-TLS13-1-2-Res-PQ-2025-09",
      default_action: [{ type: "fixed-response", fixed_response: { status_code: "404" } }],
    });
    expect(addresses(synth)).not.toContain("aws_lb_listener_rule.http_to_https");
    expect(resourceAt(synth, "aws_lb.main")).toMatchObject({
      drop_invalid_header_fields: true,
      enable_deletion_protection: true,
      access_logs: { bucket: ref("aws_s3_bucket_policy.alb_logs", "bucket"), prefix: "alb", enabled: true },
    });
    expect(resourceAt(synth, "aws_wafv2_web_acl_association.main").resource_arn).toBe(ref("aws_lb.main", "arn"));
  });
});
