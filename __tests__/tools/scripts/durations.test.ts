import { parseDuration } from "../../../tools/scripts/durations";

describe("parseDuration", () => {
  it("reads seconds, minutes and hours, and a bare number as seconds", () => {
    expect([parseDuration("90s", "--x"), parseDuration("15m", "--x"), parseDuration("1h", "--x"), parseDuration("5", "--x")]).toEqual([
      90, 900, 3600, 5,
    ]);
  });

  it("refuses anything else, naming the option", () => {
    expect(() => parseDuration("soon", "--timeout")).toThrow("--timeout: must be a duration such as 90s, 15m or 1h; received soon");
  });
});
