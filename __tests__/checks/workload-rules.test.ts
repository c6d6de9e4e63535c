import { POLICY_RULES } from "../../src/checks/rules";
import { StackResources } from "../../src/terraform/terraform-json";
import { WORKLOADS } from "../fixtures/workloads";

// The queues, schedule and queue policy of a platform with one service of each kind, as the
// constructs write them, pass the rules written for them.
describe("a platform with one service of each kind", () => {
  it.each(["SQS-ENCRYPTION", "SQS-DEAD-LETTER-QUEUE", "SQS-POLICY-SOURCE", "SCHEDULER-DEAD-LETTER-QUEUE"])("passes %s", (id) => {
    const rule = POLICY_RULES.find((one) => one.id === id);
    expect(rule?.check(new StackResources(WORKLOADS))).toEqual([]);
  });
});
