import { chapterCosts, chapterOf } from "../../src/cost/chapter-costs";

describe("chapterCosts", () => {
  it("orders a deployment's stages by chapter, each with what its chapter adds and its hourly cost", () => {
    const costs = chapterCosts([
      { name: "handson", settings: {}, monthly: 186.67 },
      { name: "handson-https", settings: { sharesStateWith: "handson", https: { domain: "example.com" } }, monthly: 186.67 },
      { name: "handson-vpc", settings: { sharesStateWith: "handson", lastChapter: "vpc" }, monthly: 146.73 },
      { name: "handson-alb", settings: { sharesStateWith: "handson", lastChapter: "alb" }, monthly: 175.42 },
      { name: "lean", settings: {}, monthly: 43.68 },
    ]);
    expect([...costs.keys()]).toEqual(["handson"]);
    const stages = costs.get("handson") ?? [];
    expect(stages.map(({ chapter, stage }) => `${chapter} ${stage}`)).toEqual([
      "VPC handson-vpc",
      "ALB handson-alb",
      "ECS handson",
      "HTTPS handson-https",
    ]);
    expect(stages.map(({ added }) => added.toFixed(2))).toEqual(["146.73", "28.69", "11.25", "0.00"]);
    expect(stages[0].hourly).toBeCloseTo(146.73 / 730, 6);
  });

  it("leaves out deployments of one stage", () => {
    expect(chapterCosts([{ name: "production", settings: {}, monthly: 150 }]).size).toBe(0);
  });

  it("knows each stage's chapter from its settings", () => {
    expect(chapterOf({ lastChapter: "vpc" })).toBe("VPC");
    expect(chapterOf({ lastChapter: "alb" })).toBe("ALB");
    expect(chapterOf({ lastChapter: "ecs", https: { domain: "example.com" } })).toBe("ECS");
    expect(chapterOf({})).toBe("ECS");
    expect(chapterOf({ https: { domain: "example.com" } })).toBe("HTTPS");
  });
});
