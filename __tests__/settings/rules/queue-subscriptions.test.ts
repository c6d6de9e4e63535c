import { queueSubscriptionsRule } from "../../../src/settings/rules/queue-subscriptions";
import { describeRule } from "./check-rule";

const ORDERS = "arn:aws:sns:ap-northeast-1:123456789012:orders";
const PAYMENTS = "arn:aws:sns:ap-northeast-1:210987654321:payments.fifo";

describeRule(queueSubscriptionsRule, {
  passing: [{}, { kind: "worker" }, { kind: "worker", queue: { subscribeTo: [ORDERS, PAYMENTS] } }],
  failing: [
    [
      { kind: "worker", queue: { subscribeTo: [ORDERS, "arn:aws:sns:us-east-1:123456789012:orders"] } },
      "app/web.queue.subscribeTo[1]: must be a topic in the stack's region ap-northeast-1: the subscription is made in the topic's region, and the stack's provider is in ap-northeast-1; received \"arn:aws:sns:us-east-1:123456789012:orders\"",
    ],
    [
      { kind: "worker", queue: { subscribeTo: [ORDERS, ORDERS] } },
      `app/web.queue.subscribeTo[1]: must name each topic once; received "${ORDERS}"`,
    ],
  ],
});
