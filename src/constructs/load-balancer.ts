import { Lb } from "@cdktf/provider-aws/lib/lb";
import { LbListener } from "@cdktf/provider-aws/lib/lb-listener";
import { SecurityGroup } from "@cdktf/provider-aws/lib/security-group";
import { SecurityGroupRule } from "@cdktf/provider-aws/lib/security-group-rule";
import type { ITerraformDependable } from "cdktf";
import { Construct } from "constructs";
import { addressPinner } from "./address";

/** Properties of {@link LoadBalancer}. */
export interface LoadBalancerProps {
  /** Name of the load balancer, and prefix of its security group's name. */
  readonly name: string;
  /** VPC the security group belongs to. */
  readonly vpcId: string;
  /** Public subnets the load balancer is placed in, one per zone. */
  readonly subnetIds: string[];
  /**
   * What must exist before the load balancer: the internet gateway its subnets route through, as
   * AWS refuses an internet-facing load balancer in a VPC without one (`InvalidSubnet`).
   * @default - nothing
   */
  readonly dependsOn?: ITerraformDependable[];
  /**
   * Prefix of the Terraform addresses.
   * @default - none: the tutorial's addresses
   */
  readonly addressPrefix?: string;
}

/**
 * The tutorial's ALB chapter: an internet-facing Application Load Balancer that accepts HTTP on
 * port 80 from anywhere, and a listener whose default answer is a plain "ok" — services add
 * listener rules in front of it.
 */
export class LoadBalancer extends Construct {
  public readonly securityGroup: SecurityGroup;
  public readonly alb: Lb;
  public readonly listener: LbListener;

  constructor(scope: Construct, id: string, props: LoadBalancerProps) {
    super(scope, id);
    const pin = addressPinner(props.addressPrefix);

    this.securityGroup = new SecurityGroup(this, "sg", {
      name: `${props.name}-alb`,
      description: `${props.name} alb`,
      vpcId: props.vpcId,
      egress: [{ fromPort: 0, toPort: 0, protocol: "-1", cidrBlocks: ["0.0.0.0/0"] }],
      tags: { Name: `${props.name}-alb` },
    });
    pin(this.securityGroup, "alb");

    const httpIngress = new SecurityGroupRule(this, "http-ingress", {
      securityGroupId: this.securityGroup.id,
      type: "ingress",
      fromPort: 80,
      toPort: 80,
      protocol: "tcp",
      cidrBlocks: ["0.0.0.0/0"],
    });
    pin(httpIngress, "alb_http");

    this.alb = new Lb(this, "alb", {
      name: props.name,
      loadBalancerType: "application",
      internal: false,
      securityGroups: [this.securityGroup.id],
      subnets: props.subnetIds,
      dependsOn: props.dependsOn,
    });
    pin(this.alb, "main");

    this.listener = new LbListener(this, "listener", {
      loadBalancerArn: this.alb.arn,
      port: 80,
      protocol: "HTTP",
      defaultAction: [
        {
          type: "fixed-response",
          fixedResponse: { contentType: "text/plain", statusCode: "200", messageBody: "ok" },
        },
      ],
    });
    pin(this.listener, "main");
  }
}
