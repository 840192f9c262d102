/** Children in ranking order: rate, then completed count, then code (ties share no rank). */
export function ranked<T extends { ratePercent: number | null; completed: number; code: string }>(
  rows: readonly T[],
): (T & { rank: number })[] {
  return [...rows]
    .sort(
      (a, b) =>
        (b.ratePercent ?? -1) - (a.ratePercent ?? -1) ||
        b.completed - a.completed ||
        a.code.localeCompare(b.code),
    )
    .map((row, i) => ({ ...row, rank: i + 1 }));
}
