import { readFileSync } from "node:fs";
import { Testing } from "cdktf";
import { WebServiceStack } from "../../src/constructs/web-service-stack";
import { stackBackend, stackRegion, stackServices } from "../../src/operations/stack-services";

const stackOf = (name: string) => new WebServiceStack(Testing.app(), name, JSON.parse(readFileSync(`config/${name}.json`, "utf8")));
const synthesized = (name: string) => JSON.parse(Testing.synth(stackOf(name)));

describe("stackServices", () => {
  it("finds each service of config/shop.json by its name or id, with its cluster, container, target group, image parameter and alarms", () => {
    const shop = stackOf("shop");
    const json = JSON.parse(Testing.synth(shop));
    const services = stackServices(json, shop.serviceNamesById);
    expect(services.map((service) => service.names)).toEqual(
      expect.arrayContaining([
        ["shop", "web"],
        ["shop-api", "api"],
        ["shop-admin", "admin"],
      ]),
    );
    // Without the file's ids, only the ECS names.
    expect(stackServices(json).map((service) => service.names.length)).toEqual([1, 1, 1]);
    const byName = (name: string) => services.find((service) => service.names.includes(name))!;
    const api = byName("api");
    expect(api).toMatchObject({
      address: "aws_ecs_service.api_main",
      serviceName: "shop-api",
      clusterName: "shop",
      taskDefinitionAddress: "aws_ecs_task_definition.api_main",
      containerName: "api",
      imageParameter: "/ecs/shop-api/image",
      alarmNames: ["shop-api-target-5xx", "shop-api-unhealthy-targets", "shop-api-response-time"],
    });
    expect(api.targetGroupNames).toEqual([expect.stringMatching(/^shop-api-[0-9a-f]{6}$/)]);
    // The web service's images are deployed by terraform apply: it has no parameter.
    expect(byName("shop").imageParameter).toBeUndefined();
  });

  it("watches no alarm written off", () => {
    const stack = new WebServiceStack(Testing.app(), "quiet", { name: "quiet", safeChanges: true });
    const [service] = stackServices(JSON.parse(Testing.synth(stack)), stack.serviceNamesById);
    expect(service.alarmNames).toEqual([]);
  });

  it("reads the region and where the state is kept", () => {
    const production = synthesized("production");
    expect(stackRegion(production)).toBe("eu-west-1");
    expect(stackBackend(production)).toEqual({
      kind: "s3",
      bucket: "example-shop-terraform-state",
      key: "orders-api/production.tfstate",
      region: "eu-west-1",
    });
    expect(stackBackend(synthesized("handson"))).toEqual({ kind: "local", path: "../../../terraform.handson.tfstate" });
  });

  it("names a service on an existing cluster by the cluster's name", () => {
    const json = JSON.parse(
      Testing.synth(
        new WebServiceStack(Testing.app(), "joined", {
          existing: {
            vpc: { vpcId: "vpc-0123456789abcdef0", privateSubnetIds: ["subnet-0123456789abcdef1"] },
            clusterName: "platform",
            listenerArn: "arn:aws:elasticloadbalancing:ap-northeast-1:123456789012:listener/app/edge/50dc6c495c0c9188/f2f7dc8efc522ab2",
          },
        }),
      ),
    );
    expect(stackServices(json)[0].clusterName).toBe("platform");
  });
});
