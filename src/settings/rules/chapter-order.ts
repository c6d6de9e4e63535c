import type { SettingsRule } from "./rule";

export const chapterOrderRule: SettingsRule = {
  id: "chapter-order",
  summary:
    "`https` comes with the ECS chapter: an environment stopping at the VPC or ALB chapter (`lastChapter`) has no service to forward to",
  check(s, { usable, environment }) {
    const chapter = environment?.lastChapter;
    if (!s.https || !chapter || chapter === "ecs" || !usable("lastChapter")) return [];
    return [
      {
        path: "https",
        rule: `must be left out before the ECS chapter (lastChapter is "${chapter}"): the HTTPS chapter forwards to the service`,
        value: s.https.domain,
      },
    ];
  },
};
