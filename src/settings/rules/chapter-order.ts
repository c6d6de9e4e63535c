import type { Problem } from "../problems";
import type { SettingsRule } from "./rule";

export const chapterOrderRule: SettingsRule = {
  id: "chapter-order",
  summary:
    "`https` and `existing` come with the ECS chapter: an environment stopping at the VPC or ALB chapter (`lastChapter`) builds the hands-on's own network, and has no service to forward to",
  check(s, { usable, environment }) {
    const chapter = environment?.lastChapter;
    if (!chapter || chapter === "ecs" || !usable("lastChapter")) return [];
    const problems: Problem[] = [];
    if (s.https) {
      problems.push({
        path: "https",
        rule: `must be left out before the ECS chapter (lastChapter is "${chapter}"): the HTTPS chapter forwards to the service`,
        value: s.https.domain,
      });
    }
    const { vpc, clusterName, listenerArn } = s.existing;
    if (vpc || clusterName || listenerArn) {
      problems.push({
        path: "existing",
        rule: `must be left out before the ECS chapter (lastChapter is "${chapter}"): the chapters build the hands-on's own network and load balancer`,
        value: s.existing,
      });
    }
    return problems;
  },
};
