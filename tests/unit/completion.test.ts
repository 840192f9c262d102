import { describe, expect, it } from "vitest";
import { targetFor } from "@/lib/dashboard/targets";

const targets = [
  { dueDate: new Date("2024-12-31T00:00:00Z"), ratePercent: 70 },
  { dueDate: new Date("2025-12-31T00:00:00Z"), ratePercent: 100 },
];

describe("targetFor: the target that governs a date", () => {
  it.each([
    ["2024-06-30", 70],
    ["2024-12-31", 70], // due that very day still counts
    ["2025-01-01", 100],
    ["2025-12-31", 100],
    ["2026-11-22", 100], // after the last target: the last one still governs
  ])("on %s it is %i%%", (day, rate) => {
    expect(targetFor(targets, new Date(`${day}T15:00:00Z`))?.ratePercent).toBe(rate);
  });
  it("is null without targets", () => {
    expect(targetFor([], new Date())).toBeNull();
  });
});
