import { DefaultSecurityGroup } from "@cdktf/provider-aws/lib/default-security-group";
import { Eip } from "@cdktf/provider-aws/lib/eip";
import { InternetGateway } from "@cdktf/provider-aws/lib/internet-gateway";
import { NatGateway } from "@cdktf/provider-aws/lib/nat-gateway";
import { Route } from "@cdktf/provider-aws/lib/route";
import { RouteTable } from "@cdktf/provider-aws/lib/route-table";
import { RouteTableAssociation } from "@cdktf/provider-aws/lib/route-table-association";
import { Subnet } from "@cdktf/provider-aws/lib/subnet";
import { Vpc } from "@cdktf/provider-aws/lib/vpc";
import { Construct } from "constructs";
import type { NatGatewayMode } from "../settings/settings";
import { addressPinner, zoneSuffix } from "./address";
import { createFirst } from "./replacement";

/** Properties of {@link Network}. */
export interface NetworkProps {
  /** Prefix of every Name tag (`handson` gives `handson-public-1a`). */
  readonly name: string;
  /** IPv4 CIDR block of the VPC. */
  readonly vpcCidr: string;
  /** Availability zones, one public and one private subnet in each. */
  readonly azs: readonly string[];
  /** CIDR of the public subnet in each zone, in the order of `azs`. */
  readonly publicSubnetCidrs: readonly string[];
  /** CIDR of the private subnet in each zone, in the order of `azs`. */
  readonly privateSubnetCidrs: readonly string[];
  /** A NAT gateway per zone, one in the first zone for all, or none. */
  readonly natGateways: NatGatewayMode;
  /**
   * Replace a subnet the new one first, so that what runs in it can move before it goes (its new CIDR must then not overlap its current one).
   * @default false
   */
  readonly safeReplacements?: boolean;
  /**
   * Take the VPC's default security group over and remove its rules.
   * @default false
   */
  readonly closeDefaultSecurityGroup?: boolean;
  /**
   * Prefix of the Terraform addresses.
   * @default - none: the tutorial's addresses
   */
  readonly addressPrefix?: string;
}

/**
 * The tutorial's VPC chapter: a VPC with a public and a private subnet per zone, an internet
 * gateway for the public subnets and a NAT gateway per zone, so each private subnet reaches the
 * internet through the NAT of its own zone (a zone outage does not cut the others off). `single`
 * trades that for the price of one NAT gateway; `none` leaves the private subnets without a way out.
 */
export class Network extends Construct {
  public readonly vpc: Vpc;
  public readonly internetGateway: InternetGateway;
  public readonly publicSubnets: Subnet[] = [];
  public readonly privateSubnets: Subnet[] = [];
  public readonly natGateways: NatGateway[] = [];
  public readonly publicRouteTable: RouteTable;
  public readonly privateRouteTables: RouteTable[] = [];
  /** The VPC's default security group, without rules, when taken over. */
  public readonly defaultSecurityGroup?: DefaultSecurityGroup;

  constructor(scope: Construct, id: string, props: NetworkProps) {
    super(scope, id);
    const { name } = props;
    const pin = addressPinner(props.addressPrefix);

    this.vpc = new Vpc(this, "vpc", { cidrBlock: props.vpcCidr, tags: { Name: name } });
    pin(this.vpc, "main");
    if (props.closeDefaultSecurityGroup) {
      // Declared without rules, the provider removes every rule AWS put in it.
      this.defaultSecurityGroup = new DefaultSecurityGroup(this, "default-sg", {
        vpcId: this.vpc.id,
        tags: { Name: `${name}-default` },
      });
      pin(this.defaultSecurityGroup, "main");
    }

    this.internetGateway = new InternetGateway(this, "igw", {
      vpcId: this.vpc.id,
      tags: { Name: name },
    });
    pin(this.internetGateway, "main");

    this.publicRouteTable = new RouteTable(this, "public-rt", {
      vpcId: this.vpc.id,
      tags: { Name: `${name}-public` },
    });
    pin(this.publicRouteTable, "public");
    const publicRoute = new Route(this, "public-route", {
      routeTableId: this.publicRouteTable.id,
      destinationCidrBlock: "0.0.0.0/0",
      gatewayId: this.internetGateway.id,
    });
    pin(publicRoute, "public");

    props.azs.forEach((az, index) => {
      const zone = zoneSuffix(az);
      const subnet = (kind: "public" | "private", cidrBlock: string, routeTable: RouteTable): Subnet => {
        const created = new Subnet(this, `${kind}-${zone}`, {
          vpcId: this.vpc.id,
          availabilityZone: az,
          cidrBlock,
          tags: { Name: `${name}-${kind}-${zone}` },
          lifecycle: createFirst(props.safeReplacements),
        });
        pin(created, `${kind}_${zone}`);
        const association = new RouteTableAssociation(this, `${kind}-${zone}-rta`, {
          subnetId: created.id,
          routeTableId: routeTable.id,
        });
        pin(association, `${kind}_${zone}`);
        return created;
      };

      const publicSubnet = subnet("public", props.publicSubnetCidrs[index], this.publicRouteTable);
      this.publicSubnets.push(publicSubnet);

      if (props.natGateways === "per-az" || (props.natGateways === "single" && index === 0)) {
        // AWS can leave a NAT gateway "failed", or hang a destroy detaching the gateway, when
        // its address and the gateway itself do not wait for the internet gateway.
        const eip = new Eip(this, `nat-${zone}-eip`, {
          domain: "vpc",
          tags: { Name: `${name}-natgw-${zone}` },
          dependsOn: [this.internetGateway],
        });
        pin(eip, `nat_${zone}`);
        const natGateway = new NatGateway(this, `nat-${zone}`, {
          subnetId: publicSubnet.id,
          allocationId: eip.id,
          tags: { Name: `${name}-${zone}` },
          dependsOn: [this.internetGateway],
        });
        pin(natGateway, `nat_${zone}`);
        this.natGateways.push(natGateway);
      }

      const privateRouteTable = new RouteTable(this, `private-${zone}-rt`, {
        vpcId: this.vpc.id,
        tags: { Name: `${name}-private-${zone}` },
      });
      pin(privateRouteTable, `private_${zone}`);
      this.privateRouteTables.push(privateRouteTable);
      this.privateSubnets.push(subnet("private", props.privateSubnetCidrs[index], privateRouteTable));

      const natGateway = this.natGateways[props.natGateways === "single" ? 0 : index];
      if (natGateway) {
        const privateRoute = new Route(this, `private-${zone}-route`, {
          routeTableId: privateRouteTable.id,
          destinationCidrBlock: "0.0.0.0/0",
          natGatewayId: natGateway.id,
        });
        pin(privateRoute, `private_${zone}`);
      }
    });
  }
}
