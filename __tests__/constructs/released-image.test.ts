import { releasedImageParameterName } from "../../src/aws/released-image-parameter";
import { ReleasedImage } from "../../src/constructs/released-image";
import { addresses, ref, resourceAt, synthesizeScope } from "../helpers";

describe("ReleasedImage", () => {
  const synth = synthesizeScope(
    (scope) => new ReleasedImage(scope, "image", { name: "orders-api", firstImage: "nginx:1.27", addressPrefix: "api" }),
  );

  it("holds the first image in /ecs/<name>/image, which Terraform writes once and then only reads", () => {
    expect(addresses(synth)).toEqual(["aws_ssm_parameter.api_image"]);
    expect(resourceAt(synth, "aws_ssm_parameter.api_image")).toMatchObject({
      name: releasedImageParameterName("orders-api"),
      type: "String",
      insecure_value: "nginx:1.27",
      lifecycle: { ignore_changes: ["insecure_value"] },
    });
    expect(releasedImageParameterName("orders-api")).toBe("/ecs/orders-api/image");
  });

  it("gives the image as the parameter's value, so that a task definition reads what the last release put there", () => {
    const referenced = synthesizeScope((scope) => {
      const image = new ReleasedImage(scope, "image", { name: "web", firstImage: "nginx:1.27" });
      new ReleasedImage(scope, "other", { name: "web-2", firstImage: image.image, addressPrefix: "other" });
    });
    expect(resourceAt(referenced, "aws_ssm_parameter.other_image").insecure_value).toBe(ref("aws_ssm_parameter.image", "insecure_value"));
  });
});
