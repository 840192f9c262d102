import { describe, expect, it } from "vitest";
import { itemColour, plannedPercent, type ColourRule } from "@/lib/ledger/colour";

const d = (s: string) => new Date(`${s}T00:00:00Z`);
const rule: ColourRule = { startDate: d("2023-01-01"), dueSoonDays: 30, behindPlanPoints: 15 };
const today = d("2024-07-01");

type Case = [
  name: string,
  item: Partial<Parameters<typeof itemColour>[0]>,
  expected: string,
  reasonKey: string,
  ruleOverride?: Partial<ColourRule>,
];

// Due 2025-01-01 from a 2023-01-01 start: on 2024-07-01 the straight-line plan is 75%.
const base = {
  status: "IN_PROGRESS",
  percentDone: 75,
  dueDate: d("2025-01-01"),
  notApplicable: false,
  lastEntryAt: d("2024-06-20"),
};

const cases: Case[] = [
  ["on plan, far from due", {}, "green", "onTrack"],
  ["exactly 15 points behind is still green", { percentDone: 60 }, "green", "onTrack"],
  ["16 points behind plan is yellow", { percentDone: 59 }, "yellow", "behindPlan"],
  ["due within 30 days is blue", { dueDate: d("2024-07-20"), percentDone: 99 }, "blue", "dueSoon"],
  ["due today is blue, not red", { dueDate: d("2024-07-01"), percentDone: 100 }, "blue", "dueSoon"],
  [
    "past due and not completed is red",
    { dueDate: d("2024-06-30"), percentDone: 99 },
    "red",
    "overdue",
  ],
  ["red beats yellow", { dueDate: d("2024-06-01"), percentDone: 10 }, "red", "overdue"],
  ["yellow beats blue", { dueDate: d("2024-07-15"), percentDone: 10 }, "yellow", "behindPlan"],
  [
    "claimed but past due is still red until approved",
    { status: "COMPLETION_CLAIMED", dueDate: d("2024-05-01"), percentDone: 100 },
    "red",
    "overdue",
  ],
  [
    "completed is done whatever the dates",
    { status: "COMPLETED", dueDate: d("2024-01-01"), percentDone: 100 },
    "done",
    "completed",
  ],
  [
    "not applicable has no colour",
    { notApplicable: true, dueDate: d("2024-01-01") },
    "na",
    "notApplicable",
  ],
  [
    "no update since the last round's period began is yellow",
    { lastEntryAt: d("2024-05-20") },
    "yellow",
    "noUpdate",
    { lastRoundPeriodStart: d("2024-06-01") },
  ],
  [
    "never updated with a closed round is yellow",
    { lastEntryAt: null },
    "yellow",
    "noUpdate",
    { lastRoundPeriodStart: d("2024-06-01") },
  ],
  [
    "updated during the round's period is green",
    { lastEntryAt: d("2024-06-05") },
    "green",
    "onTrack",
    { lastRoundPeriodStart: d("2024-06-01") },
  ],
];

describe("three-colour rule", () => {
  it.each(cases)("%s", (_name, patch, expected, reasonKey, override) => {
    const result = itemColour({ ...base, ...patch }, { ...rule, ...override }, today);
    expect(result.colour).toBe(expected);
    expect(result.reason.key).toBe(reasonKey);
  });

  it("catching up turns red into green by the same rule", () => {
    const lagging = { ...base, dueDate: d("2024-12-31"), percentDone: 20 };
    expect(itemColour(lagging, rule, d("2025-01-05")).colour).toBe("red");
    expect(itemColour(lagging, rule, today).colour).toBe("yellow");
    expect(itemColour({ ...lagging, percentDone: 80 }, rule, today).colour).toBe("green");
  });

  it("explains itself with the numbers it used", () => {
    const result = itemColour({ ...base, percentDone: 40 }, rule, today);
    expect(result.reason.values).toEqual({ planned: 75, actual: 40, points: 15 });
  });

  it("plans a straight line from the programme start to the due date", () => {
    expect(plannedPercent(d("2023-01-01"), d("2025-01-01"), d("2023-01-01"))).toBe(0);
    expect(plannedPercent(d("2023-01-01"), d("2025-01-01"), d("2024-01-01"))).toBe(50);
    expect(plannedPercent(d("2023-01-01"), d("2025-01-01"), d("2026-01-01"))).toBe(100);
  });
});
