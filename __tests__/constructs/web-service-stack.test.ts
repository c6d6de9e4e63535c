import { readFileSync } from "node:fs";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { Testing } from "cdktf";
import { WebServiceStack } from "../../src/constructs/web-service-stack";
import { SettingsError } from "../../src/settings/problems";
import type { EnvironmentFile } from "../../src/settings/settings";
import { ACCESS_LOGS_ADDRESSES, CHAPTER_ADDRESSES } from "../fixtures/chapter-addresses";
import { addresses, ref, resourceAt, synthesize } from "../helpers";

/** Every address of the tutorial's HCL (VPC, ALB and ECS chapters): 39 resources. */
const TUTORIAL_ADDRESSES = [
  "aws_vpc.main",
  ...["public", "private"].flatMap((kind) => ["1a", "1c", "1d"].map((z) => `aws_subnet.${kind}_${z}`)),
  "aws_internet_gateway.main",
  ...["1a", "1c", "1d"].flatMap((z) => [`aws_eip.nat_${z}`, `aws_nat_gateway.nat_${z}`]),
  "aws_route_table.public",
  "aws_route.public",
  ...["1a", "1c", "1d"].map((z) => `aws_route_table_association.public_${z}`),
  ...["1a", "1c", "1d"].flatMap((z) => [
    `aws_route_table.private_${z}`,
    `aws_route.private_${z}`,
    `aws_route_table_association.private_${z}`,
  ]),
  "aws_security_group.alb",
  "aws_security_group_rule.alb_http",
  "aws_lb.main",
  "aws_lb_listener.main",
  "aws_ecs_task_definition.main",
  "aws_ecs_cluster.main",
  "aws_lb_target_group.main",
  "aws_lb_listener_rule.main",
  "aws_security_group.ecs",
  "aws_security_group_rule.ecs",
  "aws_ecs_service.main",
];

describe("WebServiceStack (handson)", () => {
  // GIVEN the app's default stack
  const stack = new WebServiceStack(Testing.app(), "handson");
  // WHEN it is synthesized
  const synth = synthesize(stack);

  it("contains exactly the tutorial's 39 resource addresses", () => {
    expect(TUTORIAL_ADDRESSES).toHaveLength(39);
    expect(addresses(synth)).toEqual([...TUTORIAL_ADDRESSES].sort());
  });

  it("uses the AWS provider 5.100.0 in ap-northeast-1", () => {
    expect(synth.json).toHaveProvider(AwsProvider);
    expect(synth.json).toHaveProviderWithProperties(AwsProvider, { region: "ap-northeast-1" });
    expect(synth.doc.terraform?.required_providers).toEqual({ aws: { source: "aws", version: "5.100.0" } });
  });

  it("keeps the state in the project folder through a relative path", () => {
    // The stack runs in cdktf.out/stacks/handson: three levels up is the project.
    expect(synth.doc.terraform?.backend).toEqual({ local: { path: "../../../terraform.handson.tfstate" } });
  });

  it("wires the chapters together: ALB in the public subnets, service in the private ones", () => {
    const publicSubnets = ["1a", "1c", "1d"].map((z) => ref(`aws_subnet.public_${z}`, "id"));
    const privateSubnets = ["1a", "1c", "1d"].map((z) => ref(`aws_subnet.private_${z}`, "id"));
    expect(resourceAt(synth, "aws_lb.main").subnets).toEqual(publicSubnets);
    expect(resourceAt(synth, "aws_ecs_service.main").network_configuration.subnets).toEqual(privateSubnets);
    expect(resourceAt(synth, "aws_ecs_service.main").cluster).toBe(ref("aws_ecs_cluster.main", "name"));
    expect(resourceAt(synth, "aws_lb_listener_rule.main").listener_arn).toBe(ref("aws_lb_listener.main", "arn"));
    expect(resourceAt(synth, "aws_lb_target_group.main").vpc_id).toBe(ref("aws_vpc.main", "id"));
    expect(resourceAt(synth, "aws_security_group.alb").vpc_id).toBe(ref("aws_vpc.main", "id"));
    expect(resourceAt(synth, "aws_security_group.ecs").vpc_id).toBe(ref("aws_vpc.main", "id"));
    expect(resourceAt(synth, "aws_security_group_rule.ecs").cidr_blocks).toEqual(["10.0.0.0/16"]);
  });

  it("outputs the ALB's DNS name, its URL, the cluster and the service", () => {
    expect(synth.doc.output).toEqual({
      alb_dns_name: expect.objectContaining({ value: ref("aws_lb.main", "dns_name") }),
      url: expect.objectContaining({ value: `http://${ref("aws_lb.main", "dns_name")}` }),
      cluster_name: expect.objectContaining({ value: ref("aws_ecs_cluster.main", "name") }),
      service_name: expect.objectContaining({ value: ref("aws_ecs_service.main", "name") }),
    });
  });

  it("is valid Terraform (terraform init + validate with the real provider)", () => {
    expect(Testing.fullSynth(stack)).toBeValidTerraform();
  });

  it("matches the snapshot of the whole stack", () => {
    expect(synth.json).toMatchSnapshot();
  });
});

describe("WebServiceStack (config/production.json)", () => {
  // GIVEN the shipped production environment
  const settings = JSON.parse(readFileSync("config/production.json", "utf8"));
  const stack = new WebServiceStack(Testing.app(), "production", settings);
  const synth = synthesize(stack);

  it("keeps the state in S3, locked by S3 itself", () => {
    expect(synth.doc.terraform?.backend).toEqual({
      s3: { bucket: "example-shop-terraform-state", key: "orders-api/production.tfstate", region: "eu-west-1", use_lockfile: true },
    });
    // S3-native locking needs Terraform 1.10: an older one must refuse rather than run unlocked.
    expect(synth.doc.terraform?.required_version).toBe(">= 1.10.0");
  });

  it("deploys to its own region, name and CIDRs, with one NAT gateway and the ALB as the only way in", () => {
    expect(synth.json).toHaveProviderWithProperties(AwsProvider, { region: "eu-west-1", allowed_account_ids: ["123456789012"] });
    expect(addresses(synth)).toHaveLength(82);
    expect(resourceAt(synth, "aws_vpc.main")).toMatchObject({
      cidr_block: "10.20.0.0/16",
      tags: { Name: "orders-api" },
    });
    expect(resourceAt(synth, "aws_subnet.private_1b")).toMatchObject({ availability_zone: "eu-west-1b", cidr_block: "10.20.32.0/20" });
    expect(resourceAt(synth, "aws_security_group_rule.ecs")).toMatchObject({
      from_port: 8080,
      source_security_group_id: ref("aws_security_group.alb", "id"),
    });
    expect(resourceAt(synth, "aws_ecs_service.main")).toMatchObject({ name: "orders-api", desired_count: 3 });
  });

  it("tags every resource through the provider's default tags, each resource keeping only its Name", () => {
    expect(synth.doc.provider?.aws).toEqual([
      expect.objectContaining({ default_tags: [{ tags: { Environment: "production", Service: "orders-api", ManagedBy: "cdktf" } }] }),
    ]);
    for (const address of ["aws_lb.main", "aws_ecs_cluster.main", "aws_iam_role.execution"])
      expect(resourceAt(synth, address).tags).toBeUndefined();
  });

  it("takes the recommended defaults: logs, roles, a safe deployment, Container Insights, HTTPS only, a hardened load balancer", () => {
    expect(
      addresses(synth).filter(
        (address) => !/^aws_(subnet|route|route_table|route_table_association|eip|nat_gateway|vpc|internet_gateway)\./.test(address),
      ),
    ).toEqual([
      "aws_acm_certificate.main",
      "aws_acm_certificate_validation.main",
      "aws_appautoscaling_policy.cpu",
      "aws_appautoscaling_policy.requests",
      "aws_appautoscaling_target.main",
      "aws_cloudwatch_event_rule.deployment_failed",
      "aws_cloudwatch_event_target.deployment_failed",
      "aws_cloudwatch_log_group.exec",
      "aws_cloudwatch_log_group.flow_logs",
      "aws_cloudwatch_log_group.main",
      "aws_cloudwatch_metric_alarm.response_time",
      "aws_cloudwatch_metric_alarm.target_5xx",
      "aws_cloudwatch_metric_alarm.unhealthy_targets",
      "aws_default_security_group.main",
      "aws_ecs_cluster.main",
      "aws_ecs_cluster_capacity_providers.main",
      "aws_ecs_service.main",
      "aws_ecs_task_definition.main",
      "aws_flow_log.main",
      "aws_iam_openid_connect_provider.github",
      "aws_iam_role.execution",
      "aws_iam_role.flow_logs",
      "aws_iam_role.github_infrastructure",
      "aws_iam_role.github_plan",
      "aws_iam_role.github_release",
      "aws_iam_role.task",
      "aws_iam_role_policy.execution",
      "aws_iam_role_policy.flow_logs",
      "aws_iam_role_policy.github_infrastructure",
      "aws_iam_role_policy.github_release",
      "aws_iam_role_policy.task",
      "aws_iam_role_policy_attachment.github_plan",
      "aws_lb.main",
      "aws_lb_listener.https",
      "aws_lb_listener.main",
      "aws_lb_listener_rule.main",
      "aws_lb_target_group.main",
      "aws_route53_record.aliases",
      "aws_route53_record.main",
      "aws_route53_record.validation",
      "aws_route53_record.validation_aliases",
      ...ACCESS_LOGS_ADDRESSES,
      "aws_security_group.alb",
      "aws_security_group.ecs",
      "aws_security_group_rule.alb_http",
      "aws_security_group_rule.alb_https",
      "aws_security_group_rule.ecs",
      "aws_sns_topic.notifications",
      "aws_sns_topic_policy.notifications",
      "aws_sns_topic_subscription.notifications_email",
      "aws_ssm_parameter.image",
      "aws_wafv2_web_acl.main",
      "aws_wafv2_web_acl_association.main",
    ]);
    expect(resourceAt(synth, "aws_cloudwatch_log_group.main")).toMatchObject({ name: "/ecs/orders-api", retention_in_days: 30 });
    expect(resourceAt(synth, "aws_iam_role.execution").name).toBe("orders-api-eu-west-1-execution");
    expect(resourceAt(synth, "aws_flow_log.main")).toMatchObject({ vpc_id: ref("aws_vpc.main", "id"), traffic_type: "ALL" });
    expect(resourceAt(synth, "aws_security_group.alb").egress).toEqual([
      expect.objectContaining({ cidr_blocks: ["10.20.0.0/16"], description: "To the targets in the VPC" }),
    ]);
    expect(resourceAt(synth, "aws_ecs_cluster.main").setting).toEqual([{ name: "containerInsights", value: "enabled" }]);
    expect(resourceAt(synth, "aws_ecs_service.main")).toMatchObject({
      deployment_circuit_breaker: { enable: true, rollback: true },
      deployment_minimum_healthy_percent: 100,
      health_check_grace_period_seconds: 60,
      enable_execute_command: true,
      capacity_provider_strategy: [
        { capacity_provider: "FARGATE", base: 1, weight: 1 },
        { capacity_provider: "FARGATE_SPOT", weight: 3 },
      ],
    });
    const [container] = JSON.parse(resourceAt(synth, "aws_ecs_task_definition.main").container_definitions);
    expect(container.secrets.map((secret: { name: string }) => secret.name)).toEqual(["DATABASE_PASSWORD", "PAYMENT_API_KEY"]);
  });

  it("is valid Terraform", () => {
    // validate needs no state: leave the S3 bucket, which exists only in a real account, alone
    process.env.TF_CLI_ARGS_init = "-backend=false";
    try {
      expect(Testing.fullSynth(stack)).toBeValidTerraform();
    } finally {
      delete process.env.TF_CLI_ARGS_init;
    }
  });
});

describe("WebServiceStack settings", () => {
  it("accepts a $schema key, which is for editors, and ignores it", () => {
    const synth = synthesize(new WebServiceStack(Testing.app(), "handson", { $schema: "./settings.schema.json" } as EnvironmentFile));
    expect(addresses(synth)).toHaveLength(39);
  });

  it("rejects bad settings, naming the stack and the field", () => {
    expect(
      () =>
        new WebServiceStack(Testing.app(), "staging", {
          region: "tokyo",
          backend: { s3: { bucket: "b", key: "k", region: "eu-west-1", useLockfile: "yes" as unknown as boolean } },
        }),
    ).toThrow(
      new SettingsError([
        'staging.region: must be an AWS region such as ap-northeast-1; received "tokyo"',
        'staging.backend.s3.bucket: must be an S3 bucket name: 3-63 lowercase letters, digits, dots and hyphens, starting and ending with a letter or digit; received "b"',
        'staging.backend.s3.useLockfile: must be true or false; received "yes"',
      ]),
    );
  });

  it("writes use_lockfile false when asked", () => {
    const backend = { s3: { bucket: "state-bucket", key: "k", region: "eu-west-1", useLockfile: false } };
    const synth = synthesize(new WebServiceStack(Testing.app(), "handson", { backend }));
    expect(synth.doc.terraform?.backend).toMatchObject({ s3: { use_lockfile: false } });
    expect(synth.doc.terraform?.required_version).toBeUndefined();
  });

  it("keeps access logs in a region opened since August 2022 without the ELB account lookup, which fails the plan there", () => {
    const synth = synthesize(
      new WebServiceStack(Testing.app(), "zurich", {
        name: "OrdersApi",
        region: "eu-central-2",
        azs: ["eu-central-2a", "eu-central-2b", "eu-central-2c"],
        loadBalancer: { accessLogs: true },
      }),
    );
    expect(synth.doc.data?.aws_elb_service_account).toBeUndefined();
    expect(resourceAt(synth, "aws_lb.main").access_logs).toMatchObject({ enabled: true });
    expect(resourceAt(synth, "aws_s3_bucket.alb_logs").bucket_prefix).toBe("ordersapi-alb-logs-");
  });

  it("lets Terraform use only the account named by account", () => {
    const synth = synthesize(new WebServiceStack(Testing.app(), "handson", { account: "123456789012" }));
    expect(synth.json).toHaveProviderWithProperties(AwsProvider, { allowed_account_ids: ["123456789012"] });
    expect(synthesize(new WebServiceStack(Testing.app(), "handson")).doc.provider?.aws).toEqual([{ region: "ap-northeast-1" }]);
  });
});

describe("WebServiceStack (config/handson-https.json): the HTTPS chapter", () => {
  const settings = JSON.parse(readFileSync("config/handson-https.json", "utf8"));
  const synth = synthesize(new WebServiceStack(Testing.app(), "handson-https", settings));

  it("is handson plus exactly the chapter's resources, at the chapter's addresses, in handson's state", () => {
    const handson = addresses(synthesize(new WebServiceStack(Testing.app(), "handson")));
    expect(addresses(synth).filter((address) => !handson.includes(address))).toEqual(CHAPTER_ADDRESSES.https);
    expect(addresses(synth)).toEqual(expect.arrayContaining(handson));
    expect(synth.doc.terraform?.backend).toEqual({ local: { path: "../../../terraform.handson.tfstate" } });
  });

  it("changes none of the earlier chapters' resources", () => {
    const handson = synthesize(new WebServiceStack(Testing.app(), "handson"));
    for (const [type, byName] of Object.entries(handson.doc.resource)) expect(synth.doc.resource[type], type).toMatchObject(byName);
  });

  it("answers on https://<domain>", () => {
    expect(synth.doc.output?.url.value).toBe("https://example.com");
  });
});

describe("WebServiceStack (config/shop.json): three services on one platform", () => {
  const settings: EnvironmentFile = JSON.parse(readFileSync("config/shop.json", "utf8"));
  const stack = new WebServiceStack(Testing.app(), "shop", settings);
  const synth = synthesize(stack);
  const count = (type: string) => Object.keys(synth.doc.resource[type] ?? {}).length;

  it("has one VPC, NAT gateway, load balancer and cluster, and three of each part of a service", () => {
    expect([count("aws_vpc"), count("aws_nat_gateway"), count("aws_lb"), count("aws_ecs_cluster")]).toEqual([1, 1, 1, 1]);
    for (const type of ["aws_ecs_service", "aws_ecs_task_definition", "aws_lb_target_group", "aws_lb_listener_rule"]) {
      expect(count(type), type).toBe(3);
    }
    // A log group per service, and the VPC's flow logs.
    expect(
      Object.values(synth.doc.resource.aws_cloudwatch_log_group)
        .map((group) => group.name)
        .sort(),
    ).toEqual(["/ecs/shop", "/ecs/shop-admin", "/ecs/shop-api", "/vpc/shop/flow-logs"]);
    expect([...stack.otherServices.keys()]).toEqual(["api", "admin"]);
  });

  it("keeps the first service where the same file with one service puts it: growing to three changes none of its resources", () => {
    const { services, ...shared } = settings;
    const alone = synthesize(new WebServiceStack(Testing.app(), "shop", { ...shared, ...services!.web }));
    for (const [type, byName] of Object.entries(alone.doc.resource)) expect(synth.doc.resource[type], type).toMatchObject(byName);
  });

  it("outputs each other service's name", () => {
    expect(synth.doc.output?.api_service_name.value).toBe(ref("aws_ecs_service.api_main", "name"));
    expect(synth.doc.output?.admin_service_name.value).toBe(ref("aws_ecs_service.admin_main", "name"));
    expect(synth.doc.output?.url.value).toBe("https://shop.example.com");
  });

  it("is valid Terraform", () => {
    expect(Testing.fullSynth(stack)).toBeValidTerraform();
  });
});
