import { describe, expect, it } from "vitest";
import {
  checkClaimTargets,
  checkIndicatorValue,
  meetsTarget,
  percentChange,
  type IndicatorSpec,
} from "@/lib/ledger/indicator-check";

const rate: IndicatorSpec = { unit: "PERCENT", direction: "INCREASE", baseline: 70, target: 80 };
const debt: IndicatorSpec = { unit: "PERCENT", direction: "DECREASE", baseline: 65, target: 60 };
const count: IndicatorSpec = { unit: "COUNT", direction: "INCREASE", baseline: 100, target: 120 };
const money: IndicatorSpec = {
  unit: "YUAN_100M",
  direction: "DECREASE",
  baseline: null,
  target: 10,
};

type Case = [
  name: string,
  spec: IndicatorSpec,
  previous: number | null,
  value: number,
  keys: string[],
];

const cases: Case[] = [
  ["on the way up", rate, null, 74, []],
  ["met and beyond is fine", rate, 78, 85, []],
  ["down from the previous value moves away", rate, 75, 73, ["movesAway"]],
  ["down from the baseline moves away", rate, null, 69, ["movesAway"]],
  [
    "5 % against a 70 % baseline is implausible",
    rate,
    null,
    5,
    ["movesAway", "belowBaselineRatio"],
  ],
  ["above five times the baseline", rate, null, 351, ["aboveBaselineRatio"]],
  ["a fifth exactly is no ratio slip, but a jump", rate, null, 14, ["movesAway", "jumpTooLarge"]],
  ["decrease: up moves away", debt, 63, 64, ["movesAway"]],
  ["decrease: down is fine", debt, 63, 61, []],
  ["count: a jump over three distances", count, 110, 171, ["jumpTooLarge"]],
  ["count: three distances exactly is plausible", count, 100, 160, []],
  ["count: a fall of more than three distances", count, 100, 39, ["movesAway", "jumpTooLarge"]],
  ["negative headcount", { ...count, unit: "PERSON" }, null, -1, ["movesAway", "negative"]],
  ["no baseline, no previous: nothing to compare", money, null, 50, []],
  ["no baseline, previous value: moves away", money, 20, 25, ["movesAway"]],
  ["no target: never moves away", { ...rate, target: null }, 75, 72, []],
];

describe("checkIndicatorValue", () => {
  it.each(cases)("%s", (_name, spec, previous, value, keys) => {
    const result = checkIndicatorValue(spec, previous, value);
    expect(result.warnings.map((w) => w.key)).toEqual(keys);
    expect(result.movesAway).toBe(keys.includes("movesAway"));
    expect(result.implausible).toBe(keys.some((k) => k !== "movesAway"));
  });

  it("carries the numbers of the reason", () => {
    expect(checkIndicatorValue(rate, null, 5).warnings[1]).toEqual({
      key: "belowBaselineRatio",
      values: { value: 5, baseline: 70, ratio: 5 },
    });
  });
});

describe("claim targets", () => {
  it("meets a target in the indicator's direction", () => {
    expect(meetsTarget(rate, 80)).toBe(true);
    expect(meetsTarget(rate, 79.9)).toBe(false);
    expect(meetsTarget(debt, 60)).toBe(true);
    expect(meetsTarget(debt, 61)).toBe(false);
    expect(meetsTarget({ ...rate, target: null }, 1)).toBeNull();
  });

  it("needs a justification when a target is not met or has no value", () => {
    const inds = [
      { id: "a", ...rate },
      { id: "b", ...debt },
      { id: "c", ...rate, target: null },
    ];
    const values: Record<string, number | null> = { a: 81, b: 59, c: null };
    const all = checkClaimTargets(inds, (id) => values[id] ?? null);
    expect(all.indicators.map((i) => i.standing)).toEqual(["met", "met", "noTarget"]);
    expect(all.justificationRequired).toBe(false);

    const short = checkClaimTargets(inds, (id) => ({ ...values, a: 79 })[id] ?? null);
    expect(short.indicators[0]!.standing).toBe("notMet");
    expect(short.justificationRequired).toBe(true);

    const missing = checkClaimTargets(inds, (id) => ({ ...values, b: null })[id] ?? null);
    expect(missing.indicators[1]!.standing).toBe("noValue");
    expect(missing.justificationRequired).toBe(true);
  });

  it("percent change since the last entry", () => {
    expect(percentChange(60, 45)).toBe(15);
    expect(percentChange(60, null)).toBeNull();
  });
});
