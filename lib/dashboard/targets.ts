import { chinaDay } from "@/lib/time";

/**
 * Pure rules of the headline figure, client-safe so pages and tests use them without a database.
 * Targets are due on calendar days (UTC midnights); instants are judged by their day in China.
 */
export type TargetLike = { dueDate: Date };

/**
 * The target that governs an instant: the first one due on or after its China day (what we are
 * working toward), else the last one.
 */
export function targetFor<T extends TargetLike>(targets: readonly T[], asOf: Date): T | null {
  const sorted = [...targets].sort((a, b) => a.dueDate.getTime() - b.dueDate.getTime());
  const day = chinaDay(asOf).getTime();
  return sorted.find((t) => t.dueDate.getTime() >= day) ?? sorted.at(-1) ?? null;
}

/** Whether the governing target had fallen due on the figure's China day. */
export function isTargetDue(figure: { asOf: Date; target: TargetLike | null }): boolean {
  return figure.target !== null && chinaDay(figure.asOf) >= figure.target.dueDate;
}

/** completed / total in percent with two decimals; null when there is nothing to count. */
export function completionRate(completed: number, total: number): number | null {
  return total ? Math.round((completed / total) * 10_000) / 100 : null;
}
