import { hoursBetween, runsPerMonth } from "../../src/cost/schedule-expressions";

// A month is 730 hours, as in the rest of the estimate: a twelfth of a 365-day year.
describe("runsPerMonth", () => {
  it("counts a daily cron a twelfth of the year's 365 runs: 30.42, not 30 or 31", () => {
    expect(runsPerMonth("cron(0 3 * * ? *)")).toBeCloseTo(365 / 12, 6);
  });

  it("counts a rate in a 730-hour month: every 15 minutes 2,920 times", () => {
    expect(runsPerMonth("rate(15 minutes)")).toBe(2920);
    expect(runsPerMonth("rate(1 hour)")).toBe(730);
    expect(runsPerMonth("rate(1 day)")).toBeCloseTo(30.42, 2);
  });

  it("reads weekdays, lists, steps, months and the last day of the month", () => {
    // 2025, the year counted, has 261 weekdays.
    expect(runsPerMonth("cron(0 9 ? * MON-FRI *)")).toBeCloseTo(261 / 12, 6);
    expect(runsPerMonth("cron(0/30 8,20 * * ? *)")).toBeCloseTo((365 * 4) / 12, 6);
    expect(runsPerMonth("cron(0 0 1 JAN,JUL ? *)")).toBeCloseTo(2 / 12, 6);
    expect(runsPerMonth("cron(0 0 L * ? *)")).toBe(1);
    expect(runsPerMonth("cron(0 0 ? * 2#1 *)")).toBe(1);
  });

  it("says nothing of an expression it cannot read", () => {
    expect(runsPerMonth("at(2026-01-01T00:00:00)")).toBeUndefined();
    expect(runsPerMonth("cron(0 25 * * ? *)")).toBeUndefined();
  });
});

describe("hoursBetween", () => {
  it("counts nights from 20:00 to 08:00 as 12 hours a day", () => {
    expect(hoursBetween("cron(0 20 * * ? *)", "cron(0 8 * * ? *)")).toBeCloseTo((12 * 365) / 12, 6);
  });

  it("counts weeknights and the weekend between them: 108 hours a week", () => {
    expect(hoursBetween("cron(0 20 ? * MON-FRI *)", "cron(0 8 ? * MON-FRI *)")).toBeCloseTo((108 * 365) / 7 / 12, -1);
  });

  it("counts a window that wraps the year's end as the year it repeats", () => {
    // Quiet from 08:00 to 20:00 the other way round: the state on January 1st at midnight is the one December ends in.
    expect(hoursBetween("cron(0 8 * * ? *)", "cron(0 20 * * ? *)")).toBeCloseTo((12 * 365) / 12, 6);
  });
});
