import { Eip } from "@cdktf/provider-aws/lib/eip";
import { InternetGateway } from "@cdktf/provider-aws/lib/internet-gateway";
import { NatGateway } from "@cdktf/provider-aws/lib/nat-gateway";
import { Route } from "@cdktf/provider-aws/lib/route";
import { RouteTable } from "@cdktf/provider-aws/lib/route-table";
import { RouteTableAssociation } from "@cdktf/provider-aws/lib/route-table-association";
import { Subnet } from "@cdktf/provider-aws/lib/subnet";
import { Vpc } from "@cdktf/provider-aws/lib/vpc";
import { Network } from "../../src/constructs/network";
import type { NatGatewayMode } from "../../src/settings/settings";
import { TUTORIAL } from "../../src/settings/tutorial";
import { addresses, ref, resourceAt, synthesizeScope } from "../helpers";

describe("Network", () => {
  // GIVEN the tutorial's VPC chapter values
  const synth = synthesizeScope((scope) => new Network(scope, "network", TUTORIAL));
  const zones = ["1a", "1c", "1d"];

  it("creates the VPC 10.0.0.0/16 tagged handson", () => {
    expect(synth.json).toHaveResource(Vpc);
    expect(synth.json).toHaveResourceWithProperties(Vpc, { cidr_block: "10.0.0.0/16", tags: { Name: "handson" } });
    expect(resourceAt(synth, "aws_vpc.main").cidr_block).toBe("10.0.0.0/16");
  });

  it("creates a public and a private subnet in each zone with the tutorial's CIDRs and names", () => {
    expect(synth.json).toHaveResource(Subnet);
    const publicCidrs = ["10.0.1.0/24", "10.0.2.0/24", "10.0.3.0/24"];
    const privateCidrs = ["10.0.10.0/24", "10.0.20.0/24", "10.0.30.0/24"];
    zones.forEach((zone, i) => {
      for (const [kind, cidr] of [
        ["public", publicCidrs[i]],
        ["private", privateCidrs[i]],
      ] as const) {
        expect(synth.json).toHaveResourceWithProperties(Subnet, {
          availability_zone: `ap-northeast-${zone}`,
          cidr_block: cidr,
          tags: { Name: `handson-${kind}-${zone}` },
        });
        expect(resourceAt(synth, `aws_subnet.${kind}_${zone}`)).toMatchObject({
          vpc_id: ref("aws_vpc.main", "id"),
          availability_zone: `ap-northeast-${zone}`,
          cidr_block: cidr,
        });
      }
    });
  });

  it("routes the public subnets to the internet gateway through one route table", () => {
    expect(synth.json).toHaveResourceWithProperties(InternetGateway, {
      vpc_id: ref("aws_vpc.main", "id"),
      tags: { Name: "handson" },
    });
    expect(synth.json).toHaveResourceWithProperties(RouteTable, { tags: { Name: "handson-public" } });
    expect(resourceAt(synth, "aws_route.public")).toMatchObject({
      route_table_id: ref("aws_route_table.public", "id"),
      destination_cidr_block: "0.0.0.0/0",
      gateway_id: ref("aws_internet_gateway.main", "id"),
    });
    for (const zone of zones) {
      expect(resourceAt(synth, `aws_route_table_association.public_${zone}`)).toEqual(
        expect.objectContaining({
          subnet_id: ref(`aws_subnet.public_${zone}`, "id"),
          route_table_id: ref("aws_route_table.public", "id"),
        }),
      );
    }
  });

  it("gives each zone a NAT gateway with its own elastic IP in that zone's public subnet", () => {
    expect(synth.json).toHaveResource(Eip);
    expect(synth.json).toHaveResource(NatGateway);
    for (const zone of zones) {
      expect(synth.json).toHaveResourceWithProperties(Eip, { domain: "vpc", tags: { Name: `handson-natgw-${zone}` } });
      expect(resourceAt(synth, `aws_nat_gateway.nat_${zone}`)).toMatchObject({
        allocation_id: ref(`aws_eip.nat_${zone}`, "id"),
        subnet_id: ref(`aws_subnet.public_${zone}`, "id"),
        tags: { Name: `handson-${zone}` },
      });
    }
  });

  it("creates the elastic IPs and NAT gateways only once the internet gateway exists, as AWS requires", () => {
    for (const zone of zones) {
      expect(resourceAt(synth, `aws_eip.nat_${zone}`).depends_on).toEqual(["aws_internet_gateway.main"]);
      expect(resourceAt(synth, `aws_nat_gateway.nat_${zone}`).depends_on).toEqual(["aws_internet_gateway.main"]);
    }
  });

  it("routes each private subnet to the NAT gateway of its own zone", () => {
    expect(synth.json).toHaveResource(Route);
    expect(synth.json).toHaveResource(RouteTableAssociation);
    for (const zone of zones) {
      expect(resourceAt(synth, `aws_route_table.private_${zone}`)).toMatchObject({
        vpc_id: ref("aws_vpc.main", "id"),
        tags: { Name: `handson-private-${zone}` },
      });
      expect(resourceAt(synth, `aws_route.private_${zone}`)).toMatchObject({
        route_table_id: ref(`aws_route_table.private_${zone}`, "id"),
        destination_cidr_block: "0.0.0.0/0",
        nat_gateway_id: ref(`aws_nat_gateway.nat_${zone}`, "id"),
      });
      expect(resourceAt(synth, `aws_route_table_association.private_${zone}`)).toMatchObject({
        subnet_id: ref(`aws_subnet.private_${zone}`, "id"),
        route_table_id: ref(`aws_route_table.private_${zone}`, "id"),
      });
    }
  });

  it("creates exactly the 28 resources of the VPC chapter", () => {
    const perZone = zones.flatMap((z) => [
      `aws_eip.nat_${z}`,
      `aws_nat_gateway.nat_${z}`,
      `aws_route.private_${z}`,
      `aws_route_table.private_${z}`,
      `aws_route_table_association.private_${z}`,
      `aws_route_table_association.public_${z}`,
      `aws_subnet.private_${z}`,
      `aws_subnet.public_${z}`,
    ]);
    const shared = ["aws_internet_gateway.main", "aws_route.public", "aws_route_table.public", "aws_vpc.main"];
    expect(addresses(synth)).toEqual([...perZone, ...shared].sort());
    expect(addresses(synth)).toHaveLength(28);
  });
});

describe("Network NAT gateway modes and address prefix", () => {
  const network = (natGateways: NatGatewayMode, addressPrefix?: string) =>
    synthesizeScope((scope) => new Network(scope, "network", { ...TUTORIAL, natGateways, addressPrefix }));

  it("single: one NAT gateway in the first zone serves every private route table", () => {
    const synth = network("single");
    expect(addresses(synth).filter((a) => a.startsWith("aws_nat_gateway."))).toEqual(["aws_nat_gateway.nat_1a"]);
    expect(addresses(synth).filter((a) => a.startsWith("aws_eip."))).toEqual(["aws_eip.nat_1a"]);
    for (const zone of ["1a", "1c", "1d"]) {
      expect(resourceAt(synth, `aws_route.private_${zone}`).nat_gateway_id).toBe(ref("aws_nat_gateway.nat_1a", "id"));
    }
  });

  it("none: private route tables without a default route, and no NAT gateway or elastic IP", () => {
    const synth = network("none");
    expect(addresses(synth).filter((a) => /^aws_(eip|nat_gateway)\.|^aws_route\.private/.test(a))).toEqual([]);
    expect(addresses(synth).filter((a) => a.startsWith("aws_route_table.private"))).toHaveLength(3);
  });

  it("puts a prefix in front of every address", () => {
    const synth = network("per-az", "api");
    expect(addresses(synth).every((address) => address.split(".")[1].startsWith("api_"))).toBe(true);
    expect(resourceAt(synth, "aws_subnet.api_private_1c").vpc_id).toBe(ref("aws_vpc.api_main", "id"));
  });
});
