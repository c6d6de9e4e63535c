import { Testing } from "cdktf";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { WebServiceStack } from "../src/web-service-stack";
import { addresses, ref, resourceAt, synthesize } from "./helpers";

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
