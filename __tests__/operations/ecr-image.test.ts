import { ecrImage } from "../../src/operations/ecr-image";

describe("ecrImage", () => {
  it("reads a private ECR image's account, region, repository and tag or digest", () => {
    expect(ecrImage("123456789012.dkr.ecr.eu-west-1.amazonaws.com/team/app:2.4.0")).toEqual({
      registryId: "123456789012",
      region: "eu-west-1",
      repository: "team/app",
      tag: "2.4.0",
      digest: undefined,
    });
    const digest = `sha256:${"a".repeat(64)}`;
    expect(ecrImage(`123456789012.dkr.ecr.eu-west-1.amazonaws.com/app@${digest}`)).toMatchObject({ digest, tag: undefined });
    expect(ecrImage("123456789012.dkr.ecr.eu-west-1.amazonaws.com/app")).toMatchObject({ tag: "latest" });
  });

  it("is nothing for an image of another registry", () => {
    expect(ecrImage("nginx:1.27")).toBeUndefined();
    expect(ecrImage("ghcr.io/example/app:1")).toBeUndefined();
  });
});
