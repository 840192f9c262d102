import { describe, expect, it } from "vitest";
import { parsePeriod, periodAllowed, periodOf, reportableMonths } from "@/lib/ledger/period";
import { decisionAllowed, stageFor } from "@/lib/review/chain";
import { defaultRound } from "@/lib/rounds/default-round";
import { chinaDay } from "@/lib/time";

const d = (s: string) => new Date(`${s}T00:00:00Z`);

describe("reporting periods", () => {
  it("parses months and quarters with their first and last days", () => {
    expect(parsePeriod("2024-02")).toMatchObject({
      type: "MONTH",
      start: d("2024-02-01"),
      end: d("2024-02-29"),
    });
    expect(parsePeriod("2024-Q4")).toMatchObject({
      type: "QUARTER",
      start: d("2024-10-01"),
      end: d("2024-12-31"),
    });
    for (const bad of ["2024-13", "2024-00", "2024-Q5", "24-05", "2024-5", "", "2024-05 "])
      expect(parsePeriod(bad)).toBeNull();
  });

  it("takes the calendar day in China, not UTC", () => {
    expect(chinaDay(new Date("2024-12-31T17:00:00Z"))).toEqual(d("2025-01-01"));
    expect(periodOf(chinaDay(new Date("2024-03-31T16:30:00Z")), "MONTH").key).toBe("2024-04");
  });

  it("allows periods inside the reporting window that have begun", () => {
    const programme = {
      startDate: d("2023-01-01"),
      endDate: d("2025-12-31"),
      reportingUntil: d("2026-12-31"),
    };
    const today = d("2026-11-22");
    expect(periodAllowed(parsePeriod("2023-01")!, programme, today)).toBe(true);
    expect(periodAllowed(parsePeriod("2026-11")!, programme, today)).toBe(true);
    expect(periodAllowed(parsePeriod("2022-12")!, programme, today)).toBe(false);
    expect(periodAllowed(parsePeriod("2026-12")!, programme, today)).toBe(false); // not begun
    expect(
      periodAllowed(parsePeriod("2026-11")!, { ...programme, reportingUntil: null }, today),
    ).toBe(false);
  });
});

describe("close-off chain", () => {
  const claim = { kind: "COMPLETION_CLAIM", reviewState: "SUBMITTED" };
  it.each([
    [
      "one level: the reviewer decides",
      { ...claim, closeOffLevels: 1, enterpriseDepth: 2 },
      "final",
    ],
    [
      "two levels, a subsidiary: its group confirms first",
      { ...claim, closeOffLevels: 2, enterpriseDepth: 1 },
      "confirm",
    ],
    [
      "two levels, the group itself: straight to the reviewer",
      { ...claim, closeOffLevels: 2, enterpriseDepth: 0 },
      "final",
    ],
    [
      "two levels, confirmed: the reviewer decides",
      { ...claim, reviewState: "CONFIRMED", closeOffLevels: 2, enterpriseDepth: 1 },
      "final",
    ],
    [
      "progress entries skip the group",
      { kind: "PROGRESS", reviewState: "SUBMITTED", closeOffLevels: 2, enterpriseDepth: 1 },
      "final",
    ],
    [
      "already approved: nothing to do",
      { ...claim, reviewState: "APPROVED", closeOffLevels: 1, enterpriseDepth: 0 },
      null,
    ],
    [
      "returned: nothing to do",
      { ...claim, reviewState: "RETURNED", closeOffLevels: 1, enterpriseDepth: 0 },
      null,
    ],
  ] as const)("%s", (_name, entry, stage) => {
    expect(stageFor(entry)).toBe(stage);
  });

  it("lets the group confirm or return, and the reviewer approve or return", () => {
    expect(decisionAllowed("confirm", "CONFIRM")).toBe(true);
    expect(decisionAllowed("confirm", "APPROVE")).toBe(false);
    expect(decisionAllowed("final", "APPROVE")).toBe(true);
    expect(decisionAllowed("final", "CONFIRM")).toBe(false);
    expect(decisionAllowed("final", "RETURN")).toBe(true);
  });
});

describe("reportableMonths and the default round go by the China day", () => {
  const programme = { startDate: "2024-01-01", endDate: "2025-12-31", reportingUntil: null };
  it("lists months newest first, from the start of the programme", () => {
    expect(reportableMonths(programme, d("2024-03-15"))).toEqual(["2024-03", "2024-02", "2024-01"]);
    expect(reportableMonths(programme, d("2025-01-01"), 2)).toEqual(["2025-01", "2024-12"]);
  });
  it("opens next month's window from this China month", () => {
    expect(defaultRound(new Date("2024-12-31T16:30:00Z"))).toEqual({
      period: "2025-01",
      windowOpensOn: "2025-02-01",
      windowClosesOn: "2025-02-10",
    });
    expect(defaultRound(new Date("2024-12-15T00:00:00Z"))).toEqual({
      period: "2024-12",
      windowOpensOn: "2025-01-01",
      windowClosesOn: "2025-01-10",
    });
  });
});
