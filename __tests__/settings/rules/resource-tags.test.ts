import { resourceTagsRule } from "../../../src/settings/rules/resource-tags";
import { describeRule } from "./check-rule";

const tags = (count: number) => Object.fromEntries(Array.from({ length: count }, (_, i) => [`k${i}`, "v"]));

describeRule(resourceTagsRule, {
  passing: [
    {},
    { tags: { Team: "payments" } },
    { tags: tags(49) },
    { tags: { "cost-center": "R&D".replace("&", "+"), Owner: "ops@example.com", Path: "a/b=c:d_e.f" } },
    { tags: { 部署: "決済チーム", Empty: "" } },
    { tags: { ["k".repeat(128)]: "v".repeat(256) } },
  ],
  failing: [
    [{ tags: { Name: "x" } }, 'app/web.tags.Name: is set on each resource by this project; choose another key; received "x"'],
    [
      { tags: { "aws:created": "x" } },
      'app/web.tags.aws:created: must have a key not starting with aws: (reserved by AWS); received "aws:created"',
    ],
    [{ tags: { Owner: "AWS:team" } }, 'app/web.tags.Owner: must have a value not starting with aws: (ECS refuses it); received "AWS:team"'],
    [{ tags: { "": "x" } }, 'app/web.tags.: must have a key of 1-128 characters; received ""'],
    [{ tags: { ["k".repeat(129)]: "v" } }, "must have a key of 1-128 characters"],
    [{ tags: { Team: "v".repeat(257) } }, "app/web.tags.Team: must have a value of at most 256 characters"],
    [
      { tags: { "team#1": "x" } },
      'app/web.tags.team#1: must have a key of letters, digits, spaces and _.:/=+-@ only (what ECS and ELBv2 accept); received "team#1"',
    ],
    [
      { tags: { Team: "R&D" } },
      'app/web.tags.Team: must have a value of letters, digits, spaces and _.:/=+-@ only (what ECS and ELBv2 accept); received "R&D"',
    ],
    [{ tags: tags(50) }, "app/web.tags: must have at most 49 entries (AWS allows 50, one is Name); received 50"],
  ],
});
