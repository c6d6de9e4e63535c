import { Route } from "@cdktf/provider-aws/lib/route";
import { Vpc } from "@cdktf/provider-aws/lib/vpc";
import { Aspects } from "cdktf";
import { Construct } from "constructs";
import { pinAddress } from "../../src/constructs/address";
import { TagResources } from "../../src/constructs/tag-resources";
import { resourceAt, synthesizeScope } from "../helpers";

describe("TagResources", () => {
  // GIVEN a tagged construct holding a taggable and an untaggable resource, and a VPC outside it
  const synth = synthesizeScope((scope) => {
    const tagged = new Construct(scope, "tagged");
    pinAddress(new Vpc(tagged, "vpc", { cidrBlock: "10.0.0.0/16", tags: { Name: "mine", Team: "own" } }), "inside");
    pinAddress(new Route(tagged, "route", { routeTableId: "rtb-1", destinationCidrBlock: "0.0.0.0/0", gatewayId: "igw-1" }), "inside");
    pinAddress(new Vpc(scope, "other", { cidrBlock: "10.1.0.0/16" }), "outside");
    Aspects.of(tagged).add(new TagResources({ Team: "payments", CostCenter: "42" }));
  });

  it("adds the tags to taggable resources under the construct; their own tags win", () => {
    expect(resourceAt(synth, "aws_vpc.inside").tags).toEqual({ Name: "mine", Team: "own", CostCenter: "42" });
  });

  it("leaves resources without tags, and resources outside the construct, alone", () => {
    expect(resourceAt(synth, "aws_route.inside").tags).toBeUndefined();
    expect(resourceAt(synth, "aws_vpc.outside").tags).toBeUndefined();
  });
});
