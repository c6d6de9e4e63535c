import { targetGroupName } from "../../src/aws/target-group-name";

describe("targetGroupName", () => {
  it("is the service's name with the tutorial's port and VPC, so that a stack can return to it", () => {
    expect(targetGroupName("handson", 80, "10.0.0.0/16")).toBe("handson");
  });

  it("carries a suffix of another port or VPC, so that the old and the new target group can exist at once", () => {
    const port = targetGroupName("handson", 8080, "10.0.0.0/16");
    const vpc = targetGroupName("handson", 80, "10.1.0.0/16");
    expect(port).toMatch(/^handson-[0-9a-f]{6}$/);
    expect(vpc).toMatch(/^handson-[0-9a-f]{6}$/);
    expect(new Set([port, vpc, targetGroupName("handson", 9090, "10.0.0.0/16")]).size).toBe(3);
    expect(targetGroupName("handson", 8080, "10.0.0.0/16")).toBe(port);
  });

  it("stays within AWS's 32 characters", () => {
    expect(targetGroupName("a".repeat(32), 8080, "10.0.0.0/16")).toMatch(/^a{25}-[0-9a-f]{6}$/);
  });
});
