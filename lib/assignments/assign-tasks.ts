import "server-only";
import { randomUUID } from "node:crypto";
import { recordAudit } from "@/lib/audit/record";
import { can, type Actor } from "@/lib/auth/policy";
import { getDb, type DbTx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Locale } from "@/lib/i18n/config";
import { translator } from "@/lib/i18n/messages";
import { parseInput } from "@/lib/i18n/zod";
import { recordItemsCreated } from "@/lib/history/record-items-created";
import { ts } from "@/lib/history/spans";
import { parseIsoDay } from "@/lib/time";
import { programmeScopeWhere } from "./programme";
import { AssignInput, type AssignResult, type EnterpriseRef } from "./schemas";
import { assertSelectionVisible, ownedSql, selectionSql } from "./selection";

type Input = ReturnType<typeof AssignInput.parse>;

/**
 * Bulk assignment (分解下达): one or more tasks of a programme to every enterprise of a selection.
 * Every selected enterprise must be owned by the actor (`managesSupervisor` for catalogue work);
 * one that is not refuses the whole action (403). Idempotent: an enterprise that has the item is
 * skipped, or only gets the responsible fields given when `updateExisting`. A dry run answers the
 * same counts from the same statements without writing. Set-based: a fixed number of statements
 * whatever the number of enterprises, in one transaction, with one audit record for the action
 * (entityType "Assignment") beside the items' own history (recordItemsCreated).
 */
export async function assignTasks(
  actor: Actor,
  options: { input: unknown; locale: Locale; requestId?: string; now?: Date },
): Promise<AssignResult> {
  if (!can(actor, "catalogue.manage")) throw new AppError("forbidden");
  const input = parseInput(AssignInput, options.input, options.locale);
  const now = options.now ?? new Date();
  const t = translator(options.locale);
  return getDb().$transaction(
    async (tx) => {
      const tasks = await loadTasks(tx, actor, input, t);
      await assertSelectionVisible(tx, actor, input.selection);
      const where = selectionSql(actor, input.selection, "e");
      const [counts] = await tx.$queryRaw<{ total: number; notOwned: number }[]>`
        SELECT count(*)::int AS "total", count(*) FILTER (WHERE NOT (${ownedSql(actor, "e")}))::int AS "notOwned"
        FROM "Enterprise" e WHERE ${where}`;
      if (counts!.notOwned > 0)
        throw new AppError("forbidden", "Enterprises of another supervisor", undefined, {
          notOwned: counts!.notOwned,
        });
      if (!input.dryRun && counts!.total === 0)
        throw new AppError("validation_failed", undefined, {
          selection: t("assignments.errors.noEnterprises"),
        });

      const taskIds = tasks.map((task) => task.id);
      const existing = await existingCounts(tx, input, taskIds, where);
      const sample = await tx.$queryRaw<EnterpriseRef[]>`
        SELECT e."id", e."code", e."nameZh", e."nameEn", e."depth" FROM "Enterprise" e
        WHERE ${where} AND ${lacksSomeSql(taskIds)}
        ORDER BY e."depth", e."code" LIMIT 10`;
      const [withNew] = await tx.$queryRaw<{ n: number }[]>`
        SELECT count(*)::int AS "n" FROM "Enterprise" e WHERE ${where} AND ${lacksSomeSql(taskIds)}`;

      let created = new Map<string, number>();
      let updated = new Map(tasks.map((task) => [task.id, existing.get(task.id)?.changes ?? 0]));
      let assignmentId: string | null = null;
      if (!input.dryRun) {
        created = await insertItems(tx, input, taskIds, where, {
          now,
          actor,
          requestId: options.requestId,
        });
        updated = await updateExisting(tx, input, taskIds, where, now);
        assignmentId = randomUUID();
      }
      const perTask = tasks.map((task) => {
        const had = existing.get(task.id)?.existing ?? 0;
        return {
          taskId: task.id,
          code: task.code,
          titleZh: task.titleZh,
          titleEn: task.titleEn,
          created: input.dryRun ? counts!.total - had : (created.get(task.id) ?? 0),
          existing: had,
          updated: updated.get(task.id) ?? 0,
        };
      });
      const result: AssignResult = {
        dryRun: input.dryRun,
        assignmentId,
        programmeId: tasks[0]!.programmeId,
        enterprises: counts!.total,
        enterprisesWithNew: withNew!.n,
        created: sum(perTask.map((x) => x.created)),
        existing: sum(perTask.map((x) => x.existing)),
        updated: sum(perTask.map((x) => x.updated)),
        tasks: perTask,
        sample,
      };
      if (assignmentId) {
        await recordAudit(tx, {
          actor,
          action: "assignment.create",
          entityType: "Assignment",
          entityId: assignmentId,
          after: {
            programmeId: result.programmeId,
            taskIds,
            selection: input.selection,
            responsibleDept: input.responsibleDept ?? null,
            responsiblePerson: input.responsiblePerson ?? null,
            responsiblePhone: input.responsiblePhone ?? null,
            dueDate: input.dueDate ?? null,
            updateExisting: input.updateExisting,
            enterprises: result.enterprises,
            created: result.created,
            existing: result.existing,
            updated: result.updated,
            at: now,
          },
          requestId: options.requestId,
        });
      }
      return result;
    },
    // Thousands of enterprises: a few set-based statements, but allow for a loaded machine.
    { timeout: 120_000, maxWait: 10_000 },
  );
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

/** The tasks, all of one programme the actor sees; a due date for each (given or the task's). */
async function loadTasks(tx: DbTx, actor: Actor, input: Input, t: ReturnType<typeof translator>) {
  const ids = [...new Set(input.taskIds)];
  const tasks = await tx.task.findMany({
    where: { id: { in: ids }, programme: programmeScopeWhere(actor) },
    select: {
      id: true,
      code: true,
      titleZh: true,
      titleEn: true,
      programmeId: true,
      defaultDueDate: true,
      programme: { select: { status: true } },
    },
    orderBy: [{ sortOrder: "asc" }, { code: "asc" }],
  });
  if (tasks.length < ids.length) throw new AppError("not_found");
  if (new Set(tasks.map((task) => task.programmeId)).size > 1)
    throw new AppError("validation_failed", undefined, {
      taskIds: t("assignments.errors.oneProgramme"),
    });
  if (tasks[0]!.programme.status === "ARCHIVED")
    throw new AppError("validation_failed", undefined, {
      taskIds: t("assignments.errors.programmeArchived"),
    });
  if (!input.dueDate && tasks.some((task) => !task.defaultDueDate))
    throw new AppError("validation_failed", undefined, {
      dueDate: t("assignments.errors.dueDateRequired"),
    });
  return tasks;
}

/** Enterprise `e` lacks an item of at least one of the tasks. */
function lacksSomeSql(taskIds: string[]) {
  return Prisma.sql`(SELECT count(*) FROM "LedgerItem" li
    WHERE li."enterpriseId" = e."id" AND li."taskId" = ANY(${taskIds}::uuid[])) < ${taskIds.length}`;
}

/** The responsible fields given, and "an existing item differs in one of them", as SQL. */
function changesSql(input: Input) {
  const fields = (
    [
      ["responsibleDept", input.responsibleDept],
      ["responsiblePerson", input.responsiblePerson],
      ["responsiblePhone", input.responsiblePhone],
    ] as const
  ).filter((f): f is readonly [(typeof f)[0], string] => f[1] !== undefined);
  if (!input.updateExisting || !fields.length) return null;
  return {
    set: Prisma.join(
      fields.map(([name, value]) => Prisma.sql`${Prisma.raw(`"${name}"`)} = ${value}`),
    ),
    differs: Prisma.join(
      fields.map(
        ([name, value]) => Prisma.sql`li.${Prisma.raw(`"${name}"`)} IS DISTINCT FROM ${value}`,
      ),
      " OR ",
    ),
  };
}

/** Per task: the selected enterprises that have the item, and those an update would change. */
async function existingCounts(tx: DbTx, input: Input, taskIds: string[], where: Prisma.Sql) {
  const changes = changesSql(input);
  const rows = await tx.$queryRaw<{ taskId: string; existing: number; changes: number }[]>`
    SELECT li."taskId", count(*)::int AS "existing",
           count(*) FILTER (WHERE ${changes ? changes.differs : Prisma.sql`FALSE`})::int AS "changes"
    FROM "LedgerItem" li JOIN "Enterprise" e ON e."id" = li."enterpriseId"
    WHERE li."taskId" = ANY(${taskIds}::uuid[]) AND ${where}
    GROUP BY li."taskId"`;
  return new Map(rows.map((r) => [r.taskId, r]));
}

/**
 * One INSERT ... SELECT for every (task, enterprise) pair of the selection without an item; the
 * copies of the task (programme, category, main flag) travel with it. The unique key makes a
 * concurrent assignment of the same pair a no-op here. Then the items' history and audit.
 */
async function insertItems(
  tx: DbTx,
  input: Input,
  taskIds: string[],
  where: Prisma.Sql,
  { now, actor, requestId }: { now: Date; actor: Actor; requestId?: string },
): Promise<Map<string, number>> {
  const due = input.dueDate ? parseIsoDay(input.dueDate).toISOString().slice(0, 10) : null;
  const rows = await tx.$queryRaw<{ id: string; taskId: string }[]>`
    INSERT INTO "LedgerItem" ("id", "programmeId", "taskId", "categoryId", "isMain", "enterpriseId",
      "responsibleDept", "responsiblePerson", "responsiblePhone", "dueDate", "createdAt", "updatedAt")
    SELECT gen_random_uuid(), t."programmeId", t."id", t."categoryId", t."isMain", e."id",
           ${input.responsibleDept ?? null}, ${input.responsiblePerson ?? null},
           ${input.responsiblePhone ?? null}, COALESCE(${due}::date, t."defaultDueDate"),
           ${ts(now)}, ${ts(now)}
    FROM "Task" t CROSS JOIN "Enterprise" e
    WHERE t."id" = ANY(${taskIds}::uuid[]) AND ${where}
    ON CONFLICT ("enterpriseId", "taskId") DO NOTHING
    RETURNING "id", "taskId"`;
  await recordItemsCreated(tx, { itemIds: rows.map((r) => r.id), actor, requestId });
  const byTask = new Map<string, number>();
  for (const row of rows) byTask.set(row.taskId, (byTask.get(row.taskId) ?? 0) + 1);
  return byTask;
}

/** With `updateExisting`: the responsible fields given, on the selected items that differ. */
async function updateExisting(
  tx: DbTx,
  input: Input,
  taskIds: string[],
  where: Prisma.Sql,
  now: Date,
): Promise<Map<string, number>> {
  const changes = changesSql(input);
  if (!changes) return new Map();
  const rows = await tx.$queryRaw<{ taskId: string; n: number }[]>`
    WITH changed AS (
      UPDATE "LedgerItem" li SET ${changes.set}, "version" = li."version" + 1, "updatedAt" = ${ts(now)}
      FROM "Enterprise" e
      WHERE e."id" = li."enterpriseId" AND li."taskId" = ANY(${taskIds}::uuid[]) AND ${where}
        AND (${changes.differs})
      RETURNING li."taskId"
    )
    SELECT "taskId", count(*)::int AS "n" FROM changed GROUP BY "taskId"`;
  return new Map(rows.map((r) => [r.taskId, r.n]));
}
