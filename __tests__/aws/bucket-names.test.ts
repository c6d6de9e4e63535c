import { accessLogsBucketPrefix } from "../../src/aws/bucket-names";

describe("accessLogsBucketPrefix", () => {
  it("is the service's name in lower case, then -alb-logs-", () => {
    expect(accessLogsBucketPrefix("OrdersApi")).toBe("ordersapi-alb-logs-");
  });

  it("cuts the name so that the prefix keeps within S3's 37 characters", () => {
    expect(accessLogsBucketPrefix("a".repeat(32))).toBe(`${"a".repeat(27)}-alb-logs-`);
  });
});
