import type { SettingsRule } from "./rule";

export const healthCheckMatcherRule: SettingsRule = {
  id: "health-check-matcher",
  summary: "`healthCheck.matcher` names HTTP codes from 200 to 499, ranges from low to high",
  check(s, { usable }) {
    const { matcher } = s.healthCheck;
    if (!usable("healthCheck.matcher") || matcher === undefined) return [];
    const bad = matcher.split(",").some((part) => {
      const [low, high = low] = part.split("-").map(Number);
      return low < 200 || high > 499 || low > high;
    });
    return bad ? [{ path: "healthCheck.matcher", rule: "must be codes from 200 to 499, ranges from low to high", value: matcher }] : [];
  },
};
