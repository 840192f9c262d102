import "server-only";
import type { Actor } from "@/lib/auth/policy";
import { enterpriseScopeWhere } from "@/lib/auth/scope";
import { getDb } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";

export type CompletionFigure = {
  programme: { id: string; code: string; nameZh: string; nameEn: string };
  asOf: Date;
  /** Main-task assignments in scope that existed on `asOf` (not-applicable ones excluded). */
  total: number;
  /** Of those, completed (claim finally approved) on or before `asOf`. */
  completed: number;
  /** completed / total in percent, two decimals; null when there is nothing to count. */
  ratePercent: number | null;
  /** The target that governs `asOf`: the first one due on or after it, else the last one. */
  target: { dueDate: Date; ratePercent: number } | null;
  meetsTarget: boolean | null;
};

/** The programme a dashboard shows by default: the active one that started last. */
export async function defaultProgramme() {
  return getDb().programme.findFirst({
    where: { status: "ACTIVE" },
    orderBy: { startDate: "desc" },
    select: { id: true, code: true, nameZh: true, nameEn: true },
  });
}

/**
 * The headline metric: main-task completion rate = completed main-task assignments / all
 * main-task assignments in scope, as of a date. Counts from `completedAt`, which is set at final
 * approval, so a past date gives the figure as it stood then.
 */
export async function mainTaskCompletion(
  actor: Actor,
  options: { programmeId?: string; asOf?: Date; enterpriseId?: string } = {},
): Promise<CompletionFigure | null> {
  const db = getDb();
  const programme = options.programmeId
    ? await db.programme.findUnique({
        where: { id: options.programmeId },
        select: { id: true, code: true, nameZh: true, nameEn: true },
      })
    : await defaultProgramme();
  if (!programme) return null;
  const asOf = options.asOf ?? new Date();

  const enterprise: Prisma.EnterpriseWhereInput = options.enterpriseId
    ? {
        AND: [
          enterpriseScopeWhere(actor),
          { ancestors: { some: { ancestorId: options.enterpriseId } } },
        ],
      }
    : enterpriseScopeWhere(actor);
  const base: Prisma.LedgerItemWhereInput = {
    programmeId: programme.id,
    isMain: true,
    notApplicable: false,
    createdAt: { lte: asOf },
    ...(actor.scopeAll && !options.enterpriseId ? {} : { enterprise }),
  };
  const [total, completed, targets] = await Promise.all([
    db.ledgerItem.count({ where: base }),
    db.ledgerItem.count({ where: { ...base, completedAt: { lte: asOf } } }),
    db.target.findMany({
      where: { programmeId: programme.id, categoryId: null },
      select: { dueDate: true, ratePercent: true },
      orderBy: { dueDate: "asc" },
    }),
  ]);
  const governing = targetFor(
    targets.map((t) => ({ dueDate: t.dueDate, ratePercent: Number(t.ratePercent) })),
    asOf,
  );
  const ratePercent = total ? Math.round((completed / total) * 10_000) / 100 : null;
  return {
    programme,
    asOf,
    total,
    completed,
    ratePercent,
    target: governing,
    meetsTarget: governing && ratePercent !== null ? ratePercent >= governing.ratePercent : null,
  };
}

/** The first target due on or after the date (what we are working toward), else the last one. */
export function targetFor<T extends { dueDate: Date }>(
  targets: readonly T[],
  asOf: Date,
): T | null {
  const sorted = [...targets].sort((a, b) => a.dueDate.getTime() - b.dueDate.getTime());
  const day = new Date(Date.UTC(asOf.getUTCFullYear(), asOf.getUTCMonth(), asOf.getUTCDate()));
  return sorted.find((t) => t.dueDate.getTime() >= day.getTime()) ?? sorted.at(-1) ?? null;
}
