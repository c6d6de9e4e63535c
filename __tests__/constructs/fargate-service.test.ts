import { EcsService } from "@cdktf/provider-aws/lib/ecs-service";
import { EcsTaskDefinition } from "@cdktf/provider-aws/lib/ecs-task-definition";
import { LbListenerRule } from "@cdktf/provider-aws/lib/lb-listener-rule";
import { LbTargetGroup } from "@cdktf/provider-aws/lib/lb-target-group";
import { SecurityGroup } from "@cdktf/provider-aws/lib/security-group";
import { SecurityGroupRule } from "@cdktf/provider-aws/lib/security-group-rule";
import { FargateService, type FargateServiceProps } from "../../src/constructs/fargate-service";
import { CHAPTER_ADDRESSES } from "../fixtures/chapter-addresses";
import { addresses, ref, resourceAt, synthesizeScope } from "../helpers";

const TUTORIAL_PROPS: FargateServiceProps = {
  name: "handson",
  cluster: "handson",
  vpcId: "vpc-1",
  ingress: { cidrBlocks: ["10.0.0.0/16"] },
  subnetIds: ["subnet-private-a", "subnet-private-c", "subnet-private-d"],
  listenerArn: "arn:listener",
  image: "nginx:1.14",
  containerName: "nginx",
  containerPort: 80,
  cpu: 256,
  memory: 512,
  desiredCount: 1,
  healthCheck: { path: "/", port: 80 },
  listenerRule: { pathPatterns: ["*"] },
};

describe("FargateService", () => {
  // GIVEN the ECS chapter's values, wired to literal network and listener ids
  const synth = synthesizeScope((scope) => new FargateService(scope, "service", TUTORIAL_PROPS));

  it("defines the nginx:1.14 task for Fargate with 256 CPU / 512 MiB in awsvpc mode", () => {
    expect(synth.json).toHaveResource(EcsTaskDefinition);
    expect(synth.json).toHaveResourceWithProperties(EcsTaskDefinition, {
      family: "handson",
      requires_compatibilities: ["FARGATE"],
      cpu: "256",
      memory: "512",
      network_mode: "awsvpc",
    });
    const task = resourceAt(synth, "aws_ecs_task_definition.main");
    expect(JSON.parse(task.container_definitions)).toEqual([
      { name: "nginx", image: "nginx:1.14", portMappings: [{ containerPort: 80, hostPort: 80 }] },
    ]);
  });

  it("creates an IP target group on HTTP 80 with the health check on port 80, path /", () => {
    expect(synth.json).toHaveResource(LbTargetGroup);
    expect(synth.json).toHaveResourceWithProperties(LbTargetGroup, {
      name: "handson",
      vpc_id: "vpc-1",
      port: 80,
      protocol: "HTTP",
      target_type: "ip",
      health_check: { port: "80", path: "/" },
    });
  });

  it("forwards every path on the listener to the target group", () => {
    expect(synth.json).toHaveResource(LbListenerRule);
    expect(resourceAt(synth, "aws_lb_listener_rule.main")).toEqual(
      expect.objectContaining({
        listener_arn: "arn:listener",
        action: [{ type: "forward", target_group_arn: ref("aws_lb_target_group.main", "arn") }],
        condition: [{ path_pattern: { values: ["*"] } }],
      }),
    );
  });

  it("lets the tasks receive port 80 from the VPC only, and reach anywhere", () => {
    expect(synth.json).toHaveResourceWithProperties(SecurityGroup, {
      name: "handson-ecs",
      description: "handson ecs",
      vpc_id: "vpc-1",
      tags: { Name: "handson-ecs" },
      egress: [expect.objectContaining({ from_port: 0, to_port: 0, protocol: "-1", cidr_blocks: ["0.0.0.0/0"] })],
    });
    expect(synth.json).toHaveResourceWithProperties(SecurityGroupRule, {
      security_group_id: ref("aws_security_group.ecs", "id"),
      type: "ingress",
      from_port: 80,
      to_port: 80,
      protocol: "tcp",
      cidr_blocks: ["10.0.0.0/16"],
    });
  });

  it("runs one Fargate task in the given subnets behind the target group, after the listener rule", () => {
    expect(synth.json).toHaveResource(EcsService);
    expect(resourceAt(synth, "aws_ecs_service.main")).toEqual(
      expect.objectContaining({
        name: "handson",
        cluster: "handson",
        launch_type: "FARGATE",
        desired_count: 1,
        task_definition: ref("aws_ecs_task_definition.main", "arn"),
        network_configuration: {
          subnets: ["subnet-private-a", "subnet-private-c", "subnet-private-d"],
          security_groups: [ref("aws_security_group.ecs", "id")],
        },
        load_balancer: [{ target_group_arn: ref("aws_lb_target_group.main", "arn"), container_name: "nginx", container_port: 80 }],
        depends_on: ["aws_lb_listener_rule.main"],
      }),
    );
  });

  it("creates exactly the six resources of the ECS chapter besides the cluster", () => {
    expect(addresses(synth)).toEqual(CHAPTER_ADDRESSES.ecs.filter((address) => address !== "aws_ecs_cluster.main"));
  });
});

describe("FargateService options beyond the tutorial", () => {
  const synth = synthesizeScope(
    (scope) =>
      new FargateService(scope, "service", {
        ...TUTORIAL_PROPS,
        ingress: { securityGroupId: "sg-alb" },
        assignPublicIp: true,
        environment: { B: "2", A: "1" },
        healthCheck: { path: "/healthz", port: 8081, matcher: "200,204" },
        listenerRule: { pathPatterns: ["/api/*", "/v2/*"], priority: 5 },
        addressPrefix: "api",
      }),
  );

  it("accepts the container port from a security group instead of CIDRs", () => {
    expect(resourceAt(synth, "aws_security_group_rule.api_ecs")).toMatchObject({ source_security_group_id: "sg-alb", from_port: 80 });
    expect(resourceAt(synth, "aws_security_group_rule.api_ecs").cidr_blocks).toBeUndefined();
  });

  it("gives the tasks public IPs when asked", () => {
    expect(resourceAt(synth, "aws_ecs_service.api_main").network_configuration.assign_public_ip).toBe(true);
  });

  it("sets environment variables in name order, the health check and the rule's paths and priority", () => {
    const [container] = JSON.parse(resourceAt(synth, "aws_ecs_task_definition.api_main").container_definitions);
    expect(container.environment).toEqual([
      { name: "A", value: "1" },
      { name: "B", value: "2" },
    ]);
    expect(resourceAt(synth, "aws_lb_target_group.api_main").health_check).toEqual({ path: "/healthz", port: "8081", matcher: "200,204" });
    expect(resourceAt(synth, "aws_lb_listener_rule.api_main")).toMatchObject({
      priority: 5,
      condition: [{ path_pattern: { values: ["/api/*", "/v2/*"] } }],
    });
  });

  it("opens a health check port of its own to the same source, and maps it in the container", () => {
    expect(resourceAt(synth, "aws_security_group_rule.api_ecs_health_check")).toEqual({
      security_group_id: ref("aws_security_group.api_ecs", "id"),
      type: "ingress",
      from_port: 8081,
      to_port: 8081,
      protocol: "tcp",
      source_security_group_id: "sg-alb",
    });
    const [container] = JSON.parse(resourceAt(synth, "aws_ecs_task_definition.api_main").container_definitions);
    expect(container.portMappings).toEqual([
      { containerPort: 80, hostPort: 80 },
      { containerPort: 8081, hostPort: 8081 },
    ]);
  });
});

describe("FargateService production settings", () => {
  const synth = synthesizeScope(
    (scope) =>
      new FargateService(scope, "service", {
        ...TUTORIAL_PROPS,
        executionRoleArn: "arn:aws:iam::123456789012:role/x-execution",
        taskRoleArn: "arn:aws:iam::123456789012:role/x-task",
        logs: { group: "/ecs/handson", region: "eu-west-1", streamPrefix: "nginx" },
        secrets: { TOKEN: "arn:aws:ssm:eu-west-1:123456789012:parameter/token" },
        cpuArchitecture: "ARM64",
        capacityProviderStrategy: [
          { capacityProvider: "FARGATE", base: 1, weight: 1 },
          { capacityProvider: "FARGATE_SPOT", weight: 3 },
        ],
        deployment: {
          circuitBreaker: true,
          minimumHealthyPercent: 100,
          maximumPercent: 200,
          healthCheckGracePeriodSeconds: 60,
          deregistrationDelaySeconds: 30,
          stopTimeoutSeconds: 20,
          waitForSteadyState: true,
        },
        autoscaled: true,
        enableExecuteCommand: true,
        propagateTags: true,
        readonlyRootFilesystem: true,
        writablePaths: ["/var/cache/nginx", "/var/run"],
      }),
  );

  it("runs the task with its roles, on ARM64, with writable scratch volumes", () => {
    expect(resourceAt(synth, "aws_ecs_task_definition.main")).toMatchObject({
      execution_role_arn: "arn:aws:iam::123456789012:role/x-execution",
      task_role_arn: "arn:aws:iam::123456789012:role/x-task",
      runtime_platform: { operating_system_family: "LINUX", cpu_architecture: "ARM64" },
      volume: [{ name: "var-cache-nginx" }, { name: "var-run" }],
    });
    const [container] = JSON.parse(resourceAt(synth, "aws_ecs_task_definition.main").container_definitions);
    expect(container).toMatchObject({
      secrets: [{ name: "TOKEN", valueFrom: "arn:aws:ssm:eu-west-1:123456789012:parameter/token" }],
      logConfiguration: { logDriver: "awslogs" },
      readonlyRootFilesystem: true,
      stopTimeout: 20,
      linuxParameters: { initProcessEnabled: true },
    });
  });

  it("deploys safely: circuit breaker with rollback, 100/200 %, a grace period, 30 s of draining", () => {
    expect(resourceAt(synth, "aws_ecs_service.main")).toMatchObject({
      deployment_circuit_breaker: { enable: true, rollback: true },
      deployment_minimum_healthy_percent: 100,
      deployment_maximum_percent: 200,
      health_check_grace_period_seconds: 60,
      wait_for_steady_state: true,
    });
    expect(resourceAt(synth, "aws_lb_target_group.main").deregistration_delay).toBe("30");
  });

  it("uses the capacity providers instead of a launch type, and leaves the desired count to autoscaling", () => {
    const service = resourceAt(synth, "aws_ecs_service.main");
    expect(service.launch_type).toBeUndefined();
    expect(service.capacity_provider_strategy).toEqual([
      { capacity_provider: "FARGATE", base: 1, weight: 1 },
      { capacity_provider: "FARGATE_SPOT", weight: 3 },
    ]);
    expect(service.lifecycle).toEqual({ ignore_changes: ["desired_count"] });
  });

  it("allows ECS Exec and copies its tags to the tasks", () => {
    expect(resourceAt(synth, "aws_ecs_service.main")).toMatchObject({
      enable_execute_command: true,
      propagate_tags: "SERVICE",
      enable_ecs_managed_tags: true,
    });
  });
});
