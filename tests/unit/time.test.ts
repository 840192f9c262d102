import { describe, expect, it } from "vitest";
import { isTargetDue, targetFor } from "@/lib/dashboard/targets";
import {
  addDays,
  calendarDay,
  chinaDay,
  chinaDeadline,
  chinaIsoDay,
  deadlineDay,
  endOfChinaDay,
  isoDay,
  isStartOfChinaDay,
  parseIsoDay,
  startOfChinaDay,
  TIME_ZONE,
} from "@/lib/time";

const day = (s: string) => new Date(`${s}T00:00:00.000Z`);
const china = (s: string) => new Date(`${s}+08:00`);

describe("the clock", () => {
  it("is China time", () => {
    expect(TIME_ZONE).toBe("Asia/Shanghai");
  });

  it.each([
    ["2025-03-10T23:59:59.999", "2025-03-10"], // last instant of a China day
    ["2025-03-11T00:00:00.000", "2025-03-11"], // first instant of the next
    ["2025-03-11T07:59:59.999", "2025-03-11"], // still the previous UTC day
    ["2025-03-11T08:00:00.000", "2025-03-11"], // UTC midnight
    ["2024-12-31T23:59:59.999", "2024-12-31"], // year end
    ["2025-01-01T00:00:00.000", "2025-01-01"],
    ["2024-02-29T12:00:00.000", "2024-02-29"], // leap day
  ])("chinaDay(%s China time) is %s", (instant, expected) => {
    expect(chinaDay(china(instant))).toEqual(day(expected));
    expect(chinaIsoDay(china(instant))).toBe(expected);
  });

  it("chinaDay at UTC midnight is that day, and at 16:00 UTC already the next", () => {
    expect(chinaDay(new Date("2025-06-30T00:00:00Z"))).toEqual(day("2025-06-30"));
    expect(chinaDay(new Date("2025-06-30T15:59:59.999Z"))).toEqual(day("2025-06-30"));
    expect(chinaDay(new Date("2025-06-30T16:00:00Z"))).toEqual(day("2025-07-01"));
    expect(chinaDay(new Date("2024-12-31T16:00:00Z"))).toEqual(day("2025-01-01"));
  });

  it("calendarDay rolls over months and years", () => {
    expect(calendarDay(2025, 1, 1)).toEqual(day("2025-01-01"));
    expect(calendarDay(2024, 3, 0)).toEqual(day("2024-02-29"));
    expect(calendarDay(2024, 13, 1)).toEqual(day("2025-01-01"));
  });

  it("isoDay and parseIsoDay are inverses; parseIsoDay refuses non-days", () => {
    expect(isoDay(day("2025-12-31"))).toBe("2025-12-31");
    expect(parseIsoDay("2025-12-31")).toEqual(day("2025-12-31"));
    expect(() => parseIsoDay("2025-02-30")).toThrow(RangeError);
    expect(() => parseIsoDay("2025-1-1")).toThrow(RangeError);
  });

  it("addDays crosses month and year ends", () => {
    expect(addDays(day("2024-12-31"), 1)).toEqual(day("2025-01-01"));
    expect(addDays(day("2025-03-01"), -1)).toEqual(day("2025-02-28"));
    expect(addDays(day("2025-01-01"), 14)).toEqual(day("2025-01-15"));
  });

  it("startOfChinaDay is 00:00 in China (16:00 UTC the day before)", () => {
    expect(startOfChinaDay("2025-01-01")).toEqual(new Date("2024-12-31T16:00:00.000Z"));
    expect(startOfChinaDay(day("2025-01-01"))).toEqual(china("2025-01-01T00:00:00.000"));
  });

  it("endOfChinaDay is 23:59:59.999 in China", () => {
    expect(endOfChinaDay("2024-12-31")).toEqual(china("2024-12-31T23:59:59.999"));
    expect(endOfChinaDay(day("2024-12-31"))).toEqual(new Date("2024-12-31T15:59:59.999Z"));
    expect(chinaDay(endOfChinaDay("2024-12-31"))).toEqual(day("2024-12-31"));
  });

  it("chinaDeadline is 24:00 China time of the day, and deadlineDay gives the day back", () => {
    const due = chinaDeadline("2025-01-15");
    expect(due).toEqual(china("2025-01-16T00:00:00.000"));
    expect(deadlineDay(due)).toEqual(day("2025-01-15"));
    expect(chinaDeadline("2024-12-31")).toEqual(new Date("2024-12-31T16:00:00.000Z"));
    expect(deadlineDay(chinaDeadline("2024-12-31"))).toEqual(day("2024-12-31"));
    // still in time at the last millisecond of the day, late at 00:00 the next
    expect(china("2025-01-15T23:59:59.999") < due).toBe(true);
    expect(china("2025-01-16T00:00:00.000") >= due).toBe(true);
  });
});

describe("targetFor judges the China day, not the UTC day", () => {
  const targets = [
    { dueDate: day("2024-12-31"), ratePercent: 70 },
    { dueDate: day("2025-12-31"), ratePercent: 100 },
  ];

  it("at 2025-01-01T00:30 China time (still 2024-12-31 in UTC) the 2025 target governs", () => {
    expect(targetFor(targets, china("2025-01-01T00:30:00"))?.ratePercent).toBe(100);
  });

  it("at 2024-12-31T23:59:59.999 China time the 2024 target still governs", () => {
    expect(targetFor(targets, china("2024-12-31T23:59:59.999"))?.ratePercent).toBe(70);
  });
});

describe("isStartOfChinaDay", () => {
  it("is true only at 00:00 China time", () => {
    expect(isStartOfChinaDay(china("2025-01-16T00:00:00.000"))).toBe(true);
    expect(isStartOfChinaDay(china("2025-01-16T00:00:00.001"))).toBe(false);
    expect(isStartOfChinaDay(new Date("2025-01-16T00:00:00Z"))).toBe(false); // 08:00 in China
  });
});

describe("isTargetDue", () => {
  const target = { dueDate: day("2024-12-31"), ratePercent: 70 };
  it("is due from the target's China day on", () => {
    expect(isTargetDue({ asOf: china("2024-12-30T23:59:59.999"), target })).toBe(false);
    expect(isTargetDue({ asOf: china("2024-12-31T00:00:00"), target })).toBe(true);
    expect(isTargetDue({ asOf: new Date(), target: null })).toBe(false);
  });
});
