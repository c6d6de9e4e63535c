import { constructSource, describeProblem } from "../../../src/settings/problems";
import { prepareSettings } from "../../../src/settings/resolve-settings";
import { chapterOrderRule } from "../../../src/settings/rules/chapter-order";
import type { TutorialChapter } from "../../../src/settings/settings";

const messages = (lastChapter: TutorialChapter | undefined, https?: { domain: string }) => {
  const { resolved, context } = prepareSettings({ https }, "ap-northeast-1");
  return chapterOrderRule
    .check(resolved, { ...context, environment: { lastChapter } })
    .map((problem) => describeProblem(constructSource("app/web"), problem));
};

describe(chapterOrderRule.summary, () => {
  it.each([["ecs"], [undefined]] as const)("accepts https with lastChapter %s", (chapter) => {
    expect(messages(chapter, { domain: "example.com" })).toEqual([]);
  });

  it.each([["vpc"], ["alb"]] as const)("accepts lastChapter %s without https", (chapter) => {
    expect(messages(chapter)).toEqual([]);
  });

  it.each([["vpc"], ["alb"]] as const)("rejects https with lastChapter %s", (chapter) => {
    expect(messages(chapter, { domain: "example.com" })).toEqual([
      `app/web.https: must be left out before the ECS chapter (lastChapter is "${chapter}"): the HTTPS chapter forwards to the service; received "example.com"`,
    ]);
  });

  it.each([["vpc"], ["alb"]] as const)("rejects existing infrastructure with lastChapter %s", (chapter) => {
    const { resolved, context } = prepareSettings({ existing: { clusterName: "platform" } }, "ap-northeast-1");
    expect(chapterOrderRule.check(resolved, { ...context, environment: { lastChapter: chapter } })).toEqual([
      expect.objectContaining({ path: "existing", value: { clusterName: "platform" } }),
    ]);
  });
});
