import "server-only";
import { can, type Actor } from "@/lib/auth/policy";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { chinaDay } from "@/lib/time";
import { programmeScopeWhere } from "./programme";
import type { EnterpriseRef, Matrix, MatrixCell, MatrixQuery } from "./schemas";
import { assertSelectionVisible, selectionSql } from "./selection";

/**
 * The task x enterprise matrix of a programme: one page of enterprises (rows, in tree order: the
 * codes of the path from the group sort a parent just before its subtree), the programme's tasks (columns) with a cell per
 * existing ledger item, and per task the coverage over every enterprise of the filter (not only
 * the page): assigned, not applicable, completed. Four statements whatever the size. Null when
 * the programme is outside the caller's view.
 */
export async function getMatrix(
  actor: Actor,
  programmeId: string,
  query: MatrixQuery,
  now: Date = new Date(),
): Promise<Matrix | null> {
  if (!can(actor, "ledger.read")) throw new AppError("forbidden");
  const db = getDb();
  const programme = await db.programme.findFirst({
    where: { AND: [{ id: programmeId }, programmeScopeWhere(actor)] },
    select: { id: true, code: true, nameZh: true, nameEn: true },
  });
  if (!programme) return null;
  const selection = {
    subtreeOf: query.subtreeOf,
    supervisorIds: query.supervisorIds,
    regions: query.regions,
    functionalClasses: query.functionalClasses,
    depths: query.depths,
  };
  await assertSelectionVisible(db, actor, selection);
  const where = selectionSql(actor, selection, "e");

  const tasks = await db.task.findMany({
    where: { programmeId, ...(query.taskIds?.length ? { id: { in: query.taskIds } } : {}) },
    select: { id: true, code: true, titleZh: true, titleEn: true, isMain: true },
    orderBy: [{ sortOrder: "asc" }, { code: "asc" }],
  });
  const taskIds = tasks.map((t) => t.id);

  const [[count], rows, coverage] = await Promise.all([
    db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS "n" FROM "Enterprise" e WHERE ${where}`,
    db.$queryRaw<EnterpriseRef[]>`
      SELECT e."id", e."code", e."nameZh", e."nameEn", e."depth"
      FROM "Enterprise" e
      WHERE ${where}
      ORDER BY ARRAY(
        SELECT a."code" FROM "EnterpriseClosure" c JOIN "Enterprise" a ON a."id" = c."ancestorId"
        WHERE c."descendantId" = e."id" ORDER BY c."depth" DESC)
      LIMIT ${query.pageSize} OFFSET ${(query.page - 1) * query.pageSize}`,
    db.$queryRaw<{ taskId: string; assigned: number; notApplicable: number; completed: number }[]>`
      SELECT li."taskId", count(*)::int AS "assigned",
             count(*) FILTER (WHERE li."notApplicable")::int AS "notApplicable",
             count(*) FILTER (WHERE li."status" = 'COMPLETED' AND NOT li."notApplicable")::int AS "completed"
      FROM "LedgerItem" li JOIN "Enterprise" e ON e."id" = li."enterpriseId"
      WHERE li."programmeId" = ${programmeId}::uuid AND li."taskId" = ANY(${taskIds}::uuid[])
        AND ${where}
      GROUP BY li."taskId"`,
  ]);

  const items = rows.length
    ? await db.ledgerItem.findMany({
        where: {
          programmeId,
          enterpriseId: { in: rows.map((r) => r.id) },
          taskId: { in: taskIds },
        },
        select: {
          id: true,
          taskId: true,
          enterpriseId: true,
          status: true,
          notApplicable: true,
          dueDate: true,
        },
      })
    : [];
  const today = chinaDay(now);
  const cells = new Map<string, MatrixCell[]>();
  for (const item of items) {
    const list = cells.get(item.enterpriseId) ?? [];
    list.push({
      taskId: item.taskId,
      itemId: item.id,
      status: item.status,
      notApplicable: item.notApplicable,
      overdue: !item.notApplicable && item.status !== "COMPLETED" && item.dueDate < today,
    });
    cells.set(item.enterpriseId, list);
  }
  const byTask = new Map(coverage.map((c) => [c.taskId, c]));
  return {
    programme,
    tasks: tasks.map((task) => {
      const c = byTask.get(task.id);
      return {
        ...task,
        coverage: {
          assigned: c?.assigned ?? 0,
          notApplicable: c?.notApplicable ?? 0,
          completed: c?.completed ?? 0,
        },
      };
    }),
    rows: rows.map((row) => ({ ...row, cells: cells.get(row.id) ?? [] })),
    total: count?.n ?? 0,
    page: query.page,
    pageSize: query.pageSize,
  };
}
