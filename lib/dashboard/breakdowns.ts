import "server-only";
import type { Actor } from "@/lib/auth/policy";
import { enterpriseScopeSql } from "@/lib/auth/scope";
import { getDb } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { completedSql, instantSql, mainTaskSql } from "./completion";
import { completionRate } from "./targets";

export type BreakdownRow = {
  id: string;
  nameZh: string;
  nameEn: string;
  /** Supervisor level, for the supervisor breakdown. */
  level?: "CENTRAL" | "PROVINCIAL" | "MUNICIPAL";
  total: number;
  completed: number;
  ratePercent: number | null;
};

type CountRow = { id: string; nameZh: string; nameEn: string; total: number; completed: number };

const withRate = <T extends CountRow>(row: T) => ({
  ...row,
  ratePercent: completionRate(row.completed, row.total),
});

/**
 * Main-task completion per supervisor of the enterprises in scope, as of an instant, in one
 * statement. Supervisors with enterprises in scope but no main tasks are listed with zero.
 */
export async function completionBySupervisor(
  actor: Actor,
  programmeId: string,
  asOf: Date = new Date(),
): Promise<BreakdownRow[]> {
  const at = instantSql(asOf);
  const rows = await getDb().$queryRaw<(CountRow & { level: BreakdownRow["level"] })[]>`
    SELECT s."id", s."nameZh", s."nameEn", s."level"::text AS "level",
           count(li."id")::int AS "total",
           count(li."id") FILTER (WHERE ${completedSql(at)})::int AS "completed"
    FROM "Supervisor" s
    JOIN "Enterprise" e ON e."supervisorId" = s."id"
    LEFT JOIN "LedgerItem" li
      ON li."enterpriseId" = e."id" AND ${mainTaskSql(actor, { programmeId, asOf: at })}
    WHERE ${enterpriseScopeSql(actor, Prisma.raw(`e."id"`))}
    GROUP BY s."id"
    ORDER BY s."level", s."code"`;
  return rows.map(withRate);
}

/** Main-task completion per task category, as of an instant, in one statement. */
export async function completionByCategory(
  actor: Actor,
  programmeId: string,
  asOf: Date = new Date(),
): Promise<BreakdownRow[]> {
  const at = instantSql(asOf);
  const rows = await getDb().$queryRaw<CountRow[]>`
    SELECT c."id", c."nameZh", c."nameEn",
           count(*)::int AS "total",
           count(*) FILTER (WHERE ${completedSql(at)})::int AS "completed"
    FROM "LedgerItem" li
    JOIN "Category" c ON c."id" = li."categoryId"
    WHERE ${mainTaskSql(actor, { programmeId, asOf: at })}
    GROUP BY c."id"
    ORDER BY c."sortOrder", c."code"`;
  return rows.map(withRate);
}
