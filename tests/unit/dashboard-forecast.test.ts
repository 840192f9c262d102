import { describe, expect, it } from "vitest";
import { drillDown } from "@/lib/dashboard/drill-down";
import {
  forecastFor,
  monthsBefore,
  standingOf,
  tasksNeeded,
  trendDays,
} from "@/lib/dashboard/forecast";
import { isoDay, parseIsoDay } from "@/lib/time";

const day = parseIsoDay;
const targets = [
  { dueDate: day("2024-12-31"), ratePercent: 70 },
  { dueDate: day("2025-12-31"), ratePercent: 100 },
];

describe("tasksNeeded", () => {
  it.each([
    [70, 10, 0, 7],
    [70, 10, 7, 0],
    [70, 10, 9, 0],
    [70, 100, 12, 58],
    [70, 3, 0, 3], // ceil(2.1)
    [100, 7, 6, 1],
    [33.33, 300, 0, 100], // exact in basis points, no float overshoot
  ])("%s%% of %s with %s completed needs %s", (rate, total, completed, needed) => {
    expect(tasksNeeded({ ratePercent: rate }, { total, completed })).toBe(needed);
  });
  it("is null without a target", () => {
    expect(tasksNeeded(null, { total: 5, completed: 1 })).toBeNull();
  });
});

describe("calendar helpers", () => {
  it("monthsBefore clamps to the month's end", () => {
    expect(isoDay(monthsBefore(day("2025-05-31"), 3))).toBe("2025-02-28");
    expect(isoDay(monthsBefore(day("2025-02-15"), 3))).toBe("2024-11-15");
  });
  it("trendDays: month ends, the last being the as-of day", () => {
    expect(trendDays(day("2023-01-01"), day("2023-03-15")).map(isoDay)).toEqual([
      "2023-01-31",
      "2023-02-28",
      "2023-03-15",
    ]);
    expect(trendDays(day("2023-01-01"), day("2023-01-31")).map(isoDay)).toEqual(["2023-01-31"]);
    expect(trendDays(day("2023-01-01"), day("2022-12-31"))).toEqual([]);
  });
});

describe("forecast at the current pace", () => {
  it("projects each rate from the 3-month pace and flags a missed target", () => {
    // 40% now, 25% three months ago: 5 points a month.
    const f = forecastFor(
      { now: { total: 100, completed: 40 }, then: { total: 100, completed: 25 } },
      day("2024-06-30"),
      targets,
    );
    expect(f.pacePointsPerMonth).toBe(5);
    const r70 = f.reach.find((r) => r.ratePercent === 70)!;
    // 30 points at 5 a month = 6 months = 183 days (30.4375 a month, rounded)
    expect(r70).toEqual({
      ratePercent: 70,
      on: "2024-12-30",
      targetDueDate: "2024-12-31",
      missesTarget: false,
    });
    const r100 = f.reach.find((r) => r.ratePercent === 100)!;
    expect(r100.on).toBe("2025-06-30");
    expect(standingOf(40, targets[0]!, f)).toBe("onTrack");
  });
  it("never reaches at a pace <= 0: no date, target missed, behind", () => {
    const f = forecastFor(
      { now: { total: 10, completed: 2 }, then: { total: 10, completed: 2 } },
      day("2024-06-30"),
      targets,
    );
    expect(f.pacePointsPerMonth).toBe(0);
    expect(f.reach.every((r) => r.on === null && r.missesTarget === true)).toBe(true);
    expect(standingOf(20, targets[0]!, f)).toBe("behind");
  });
  it("met, and none", () => {
    const f = forecastFor(
      { now: { total: 10, completed: 8 }, then: { total: 0, completed: 0 } },
      day("2024-06-30"),
      targets,
    );
    expect(f.reach.find((r) => r.ratePercent === 70)!.on).toBe("2024-06-30");
    expect(standingOf(80, targets[0]!, f)).toBe("met");
    expect(standingOf(null, targets[0]!, f)).toBe("none");
    expect(standingOf(80, null, f)).toBe("none");
  });
});

describe("drill-down addresses", () => {
  it("carry the node, category and completed flag", () => {
    const d = drillDown({
      programmeId: "p",
      asOf: "2025-01-31",
      supervisorId: "s",
      categoryId: "c",
    });
    expect(d.total).toBe(
      "/api/v1/ledger-items?programmeId=p&asOf=2025-01-31&mainOnly=true&supervisorId=s&categoryId=c",
    );
    expect(d.completed).toBe(`${d.total}&completed=true`);
  });
});
