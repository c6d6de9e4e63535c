import type { Problem } from "../problems";
import type { SettingsRule } from "./rule";

/** AWS allows 50 tags per resource; each resource here carries its own Name. */
const MAX_TAGS = 49;
const MAX_KEY_LENGTH = 128;
const MAX_VALUE_LENGTH = 256;
// What ECS and ELBv2 accept in keys and values (EC2 accepts more): letters, separators, digits, _.:/=+-@
const TAG_TEXT = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u;
const RESERVED_PREFIX = /^aws:/i;

export const resourceTagsRule: SettingsRule = {
  id: "resource-tags",
  summary: `\`tags\`: at most ${MAX_TAGS} (AWS allows 50 with each resource's Name), keys 1-${MAX_KEY_LENGTH} and values up to ${MAX_VALUE_LENGTH} characters of letters, digits, spaces and _.:/=+-@ (what ECS and ELBv2 accept), neither starting with \`aws:\`, no \`Name\``,
  check(s, { usable }) {
    if (!usable("tags")) return [];
    const problems: Problem[] = [];
    const entries = Object.entries(s.tags);
    if (entries.length > MAX_TAGS) {
      problems.push({ path: "tags", rule: `must have at most ${MAX_TAGS} entries (AWS allows 50, one is Name)`, value: entries.length });
    }
    for (const [key, value] of entries) {
      const path = `tags.${key}`;
      if (key === "Name") problems.push({ path, rule: "is set on each resource by this project; choose another key", value });
      else if (key.length < 1 || key.length > MAX_KEY_LENGTH) {
        problems.push({ path, rule: `must have a key of 1-${MAX_KEY_LENGTH} characters`, value: key });
      } else if (!TAG_TEXT.test(key)) {
        problems.push({
          path,
          rule: "must have a key of letters, digits, spaces and _.:/=+-@ only (what ECS and ELBv2 accept)",
          value: key,
        });
      } else if (RESERVED_PREFIX.test(key)) {
        problems.push({ path, rule: "must have a key not starting with aws: (reserved by AWS)", value: key });
      } else if (value.length > MAX_VALUE_LENGTH) {
        problems.push({ path, rule: `must have a value of at most ${MAX_VALUE_LENGTH} characters`, value });
      } else if (!TAG_TEXT.test(value)) {
        problems.push({ path, rule: "must have a value of letters, digits, spaces and _.:/=+-@ only (what ECS and ELBv2 accept)", value });
      } else if (RESERVED_PREFIX.test(value)) {
        problems.push({ path, rule: "must have a value not starting with aws: (ECS refuses it)", value });
      }
    }
    return problems;
  },
};
