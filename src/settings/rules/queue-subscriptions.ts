import type { Problem } from "../problems";
import type { SettingsRule } from "./rule";

export const queueSubscriptionsRule: SettingsRule = {
  id: "queue-subscriptions",
  summary:
    "`queue.subscribeTo` names each topic once, each in the stack's region: a subscription is made in its topic's region, where the stack's provider does not reach",
  check(s, { usable, region }) {
    if (!s.queue || !usable("queue.subscribeTo")) return [];
    const problems: Problem[] = [];
    const topics = s.queue.subscribeTo;
    topics.forEach((topicArn, index) => {
      const path = `queue.subscribeTo[${index}]`;
      if (topics.indexOf(topicArn) !== index) {
        problems.push({ path, rule: "must name each topic once", value: topicArn });
        return;
      }
      const topicRegion = topicArn.split(":")[3];
      if (region && topicRegion !== region) {
        problems.push({
          path,
          rule: `must be a topic in the stack's region ${region}: the subscription is made in the topic's region, and the stack's provider is in ${region}`,
          value: topicArn,
        });
      }
    });
    return problems;
  },
};
