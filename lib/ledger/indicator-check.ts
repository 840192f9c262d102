/**
 * Indicator values against their baseline and target (pure, client-safe). The entry form warns
 * with it, the server refuses unconfirmed warnings with it (append-entry.ts), and the review
 * queue shows reviewers the same verdicts, so all three always agree.
 *
 * - **Moves away**: the value is worse than the reference (the previous value, else the
 *   baseline) in the indicator's direction, and the target is not met. Overshooting a met target
 *   is not "away".
 * - **Implausible**, any of:
 *   - a negative count, headcount or percentage;
 *   - a PERCENT value below a fifth of its baseline or above five times it (rates do not swing
 *     like that in a period: 5 % against a 70 % baseline is a typing slip, 0.7 vs 70 a unit slip);
 *   - a jump from the reference of more than three times the whole planned distance
 *     |target - baseline| (e.g. baseline 100, target 120: a value above 160 or below 40).
 */
export const INDICATOR_UNITS = [
  "COUNT",
  "PERSON",
  "YUAN_100M",
  "YUAN_10K",
  "PERCENT",
  "PERCENTAGE_POINT",
] as const;

export type IndicatorUnit = (typeof INDICATOR_UNITS)[number];
export type IndicatorSpec = {
  unit: IndicatorUnit;
  direction: "INCREASE" | "DECREASE";
  baseline: number | null;
  target: number | null;
};

/** A PERCENT value outside [baseline / RATIO, baseline × RATIO] is implausible. */
export const IMPLAUSIBLE_RATIO = 5;
/** A jump of more than this many planned distances (|target - baseline|) is implausible. */
export const IMPLAUSIBLE_JUMP = 3;
/** A claim with an unmet target needs a written justification at least this long. */
export const JUSTIFICATION_MIN = 20;

export type IndicatorWarningKey =
  "movesAway" | "negative" | "belowBaselineRatio" | "aboveBaselineRatio" | "jumpTooLarge";
export type IndicatorWarning = { key: IndicatorWarningKey; values: Record<string, number> };
export type IndicatorCheck = {
  movesAway: boolean;
  implausible: boolean;
  warnings: IndicatorWarning[];
};

const NON_NEGATIVE: ReadonlySet<IndicatorUnit> = new Set(["COUNT", "PERSON", "PERCENT"]);

/** Whether a value meets the target in the indicator's direction (null: no target set). */
export function meetsTarget(spec: IndicatorSpec, value: number): boolean | null {
  if (spec.target === null) return null;
  return spec.direction === "INCREASE" ? value >= spec.target : value <= spec.target;
}

export function checkIndicatorValue(
  spec: IndicatorSpec,
  previous: number | null,
  value: number,
): IndicatorCheck {
  const warnings: IndicatorWarning[] = [];
  const reference = previous ?? spec.baseline;
  const { baseline, target } = spec;

  if (reference !== null && meetsTarget(spec, value) === false) {
    const worse = spec.direction === "INCREASE" ? value < reference : value > reference;
    if (worse) warnings.push({ key: "movesAway", values: { value, reference, target: target! } });
  }

  if (value < 0 && NON_NEGATIVE.has(spec.unit)) {
    warnings.push({ key: "negative", values: { value } });
  } else if (spec.unit === "PERCENT" && baseline !== null && baseline > 0) {
    if (value < baseline / IMPLAUSIBLE_RATIO)
      warnings.push({
        key: "belowBaselineRatio",
        values: { value, baseline, ratio: IMPLAUSIBLE_RATIO },
      });
    else if (value > baseline * IMPLAUSIBLE_RATIO)
      warnings.push({
        key: "aboveBaselineRatio",
        values: { value, baseline, ratio: IMPLAUSIBLE_RATIO },
      });
  }
  if (reference !== null && baseline !== null && target !== null && target !== baseline) {
    const distance = Math.abs(target - baseline);
    const jump = Math.abs(value - reference);
    if (jump > IMPLAUSIBLE_JUMP * distance && !warnings.some((w) => w.key !== "movesAway"))
      warnings.push({
        key: "jumpTooLarge",
        values: { value, reference, jump, distance, factor: IMPLAUSIBLE_JUMP },
      });
  }
  return {
    movesAway: warnings.some((w) => w.key === "movesAway"),
    implausible: warnings.some((w) => w.key !== "movesAway"),
    warnings,
  };
}

export type TargetStanding = "met" | "notMet" | "noValue" | "noTarget";

/**
 * A completion claim's indicators: each one's value (the claim's, else the latest reported)
 * against its target. A claim needs a justification when any target is not met or has no value.
 */
export function checkClaimTargets<T extends IndicatorSpec & { id: string }>(
  indicators: T[],
  valueOf: (id: string) => number | null,
): {
  indicators: (T & { value: number | null; standing: TargetStanding })[];
  justificationRequired: boolean;
} {
  const rows = indicators.map((ind) => {
    const value = valueOf(ind.id);
    const met = value === null ? null : meetsTarget(ind, value);
    const standing: TargetStanding =
      ind.target === null ? "noTarget" : value === null ? "noValue" : met ? "met" : "notMet";
    return { ...ind, value, standing };
  });
  return {
    indicators: rows,
    justificationRequired: rows.some((r) => r.standing === "notMet" || r.standing === "noValue"),
  };
}

/** Whether a claim with these values lacks the justification its unmet targets call for. */
export function justificationMissing(
  indicators: (IndicatorSpec & { id: string; previous: number | null })[],
  values: { indicatorId: string; value: string | number }[],
  justification: string | undefined | null,
) {
  const given = new Map(values.map((v) => [v.indicatorId, Number(v.value)]));
  const { justificationRequired } = checkClaimTargets(indicators, (id) => {
    const value = given.get(id);
    return value !== undefined && Number.isFinite(value)
      ? value
      : (indicators.find((i) => i.id === id)?.previous ?? null);
  });
  return justificationRequired && (justification?.trim().length ?? 0) < JUSTIFICATION_MIN;
}

/** The percent-done change from the previous entry, in points (null when there is none). */
export function percentChange(current: number, previous: number | null | undefined) {
  return previous === null || previous === undefined ? null : current - previous;
}
