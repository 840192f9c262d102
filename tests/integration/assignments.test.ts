/**
 * Bulk assignment of catalogue tasks to enterprises, "not applicable" per item and the task x
 * enterprise matrix, on the demo data: the dry run counts what the write does, a second run
 * creates nothing, new items copy the task and carry history, and Hunan's headline denominator
 * moves by exactly the applicable items assigned.
 */
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  assignTasksEndpoint,
  matrixEndpoint,
  setApplicabilityEndpoint,
} from "@/lib/assignments/api";
import { assignTasks } from "@/lib/assignments/assign-tasks";
import { getMatrix } from "@/lib/assignments/matrix";
import { MatrixQuery } from "@/lib/assignments/schemas";
import { setApplicability } from "@/lib/assignments/set-applicability";
import type { Actor } from "@/lib/auth/policy";
import { createApiToken } from "@/lib/auth/tokens";
import { mainTaskCounts } from "@/lib/dashboard/completion";
import { actorFor, failure } from "./fixtures";
import { seededTestDatabase, type TestDatabase } from "./setup/db";

let db: TestDatabase;
let admin: Actor;
let adminHunan: Actor;
let reviewerHunan: Actor;
let programmeId: string;
let hunanId: string;
let centralId: string;
/** The main SDU-2023 task with the fewest Hunan items (several Hunan enterprises lack it). */
let task: { id: string; code: string; categoryId: string; isMain: boolean; defaultDueDate: Date };

beforeAll(async () => {
  db = await seededTestDatabase();
  admin = await actorFor(db.prisma, "admin");
  adminHunan = await actorFor(db.prisma, "admin-hunan");
  reviewerHunan = await actorFor(db.prisma, "reviewer-hunan");
  const p = db.prisma;
  programmeId = (await p.programme.findUniqueOrThrow({ where: { code: "SDU-2023" } })).id;
  hunanId = (await p.supervisor.findUniqueOrThrow({ where: { code: "SASAC-HN" } })).id;
  centralId = (await p.supervisor.findUniqueOrThrow({ where: { code: "SASAC-SC" } })).id;
  const [row] = await p.$queryRaw<{ id: string }[]>`
    SELECT t."id" FROM "Task" t
    WHERE t."programmeId" = ${programmeId}::uuid AND t."isMain" AND t."defaultDueDate" IS NOT NULL
    ORDER BY (SELECT count(*) FROM "LedgerItem" li JOIN "Enterprise" e ON e."id" = li."enterpriseId"
              WHERE li."taskId" = t."id" AND e."supervisorId" = ${hunanId}::uuid), t."code"
    LIMIT 1`;
  task = (await p.task.findUniqueOrThrow({
    where: { id: row!.id },
    select: { id: true, code: true, categoryId: true, isMain: true, defaultDueDate: true },
  })) as typeof task;
});
afterAll(async () => {
  await db?.drop();
});

/** Hunan SASAC's headline counts (main, applicable items of SDU-2023) as of now. */
async function hunanDenominator(): Promise<number> {
  const [counts] = await mainTaskCounts(reviewerHunan, {
    programmeId,
    supervisorId: hunanId,
    asOf: [new Date()],
  });
  return counts!.total;
}

const hunanSelection = () => ({ supervisorIds: [hunanId] });

describe("bulk assignment", () => {
  let created: string[] = [];
  let before = 0;

  it("counts in a dry run exactly what the assignment then creates, and audits it", async () => {
    const hunanEnterprises = await db.prisma.enterprise.count({
      where: { supervisorId: hunanId, active: true },
    });
    const had = await db.prisma.ledgerItem.count({
      where: { taskId: task.id, enterprise: { supervisorId: hunanId } },
    });
    expect(hunanEnterprises - had).toBeGreaterThan(1);
    before = await hunanDenominator();

    const input = { taskIds: [task.id], selection: hunanSelection(), responsibleDept: "改革办" };
    const preview = await assignTasks(adminHunan, {
      input: { ...input, dryRun: true },
      locale: "zh-CN",
    });
    expect(preview).toMatchObject({
      dryRun: true,
      assignmentId: null,
      enterprises: hunanEnterprises,
      enterprisesWithNew: hunanEnterprises - had,
      created: hunanEnterprises - had,
      existing: had,
    });
    expect(preview.sample.length).toBe(Math.min(10, hunanEnterprises - had));
    // Nothing written by the dry run.
    expect(await hunanDenominator()).toBe(before);

    const applied = await assignTasks(adminHunan, { input, locale: "zh-CN", requestId: "req-1" });
    expect(applied.created).toBe(preview.created);
    expect(applied.existing).toBe(preview.existing);
    expect(applied.enterprisesWithNew).toBe(preview.enterprisesWithNew);
    expect(applied.tasks[0]).toMatchObject({ taskId: task.id, created: preview.created });
    expect(applied.assignmentId).toBeTruthy();

    const audit = await db.prisma.auditLog.findMany({
      where: { entityType: "Assignment", entityId: applied.assignmentId! },
    });
    expect(audit).toHaveLength(1);
    expect(audit[0]!.after).toMatchObject({
      created: applied.created,
      existing: applied.existing,
      taskIds: [task.id],
      selection: { supervisorIds: [hunanId] },
    });

    const items = await db.prisma.ledgerItem.findMany({
      where: { taskId: task.id, enterprise: { supervisorId: hunanId }, responsibleDept: "改革办" },
      select: {
        id: true,
        programmeId: true,
        categoryId: true,
        isMain: true,
        dueDate: true,
        status: true,
        createdAt: true,
        spans: { select: { validFrom: true, validTo: true, isMain: true, notApplicable: true } },
      },
    });
    expect(items).toHaveLength(applied.created);
    for (const item of items) {
      expect(item).toMatchObject({
        programmeId,
        categoryId: task.categoryId,
        isMain: task.isMain,
        dueDate: task.defaultDueDate,
        status: "NOT_STARTED",
      });
      expect(item.spans).toEqual([
        { validFrom: item.createdAt, validTo: null, isMain: task.isMain, notApplicable: false },
      ]);
    }
    created = items.map((i) => i.id);
    const itemAudits = await db.prisma.auditLog.count({
      where: { entityType: "LedgerItem", action: "ledgerItem.create", entityId: { in: created } },
    });
    expect(itemAudits).toBe(created.length);
    const one = await db.prisma.auditLog.findFirstOrThrow({
      where: { entityType: "LedgerItem", entityId: created[0]! },
    });
    expect(one).toMatchObject({ actorId: adminHunan.id, requestId: "req-1" });
    expect(one.after).toMatchObject({
      id: created[0],
      taskId: task.id,
      isMain: task.isMain,
      notApplicable: false,
      dueDate: task.defaultDueDate.toISOString(),
    });

    expect(await hunanDenominator()).toBe(before + applied.created);
  });

  it("creates nothing the second time, and updates responsible fields only when asked", async () => {
    const again = await assignTasks(adminHunan, {
      input: { taskIds: [task.id], selection: hunanSelection(), responsiblePerson: "张三" },
      locale: "zh-CN",
    });
    expect(again.created).toBe(0);
    expect(again.updated).toBe(0);
    expect(again.existing).toBe(again.enterprises);
    expect(await db.prisma.ledgerItem.count({ where: { responsiblePerson: "张三" } })).toBe(0);

    const input = {
      taskIds: [task.id],
      selection: hunanSelection(),
      responsiblePerson: "张三",
      updateExisting: true,
    };
    const preview = await assignTasks(adminHunan, {
      input: { ...input, dryRun: true },
      locale: "zh-CN",
    });
    const updated = await assignTasks(adminHunan, { input, locale: "zh-CN" });
    expect(updated.created).toBe(0);
    expect(updated.updated).toBe(preview.updated);
    expect(updated.updated).toBe(again.enterprises);
    expect(await db.prisma.ledgerItem.count({ where: { responsiblePerson: "张三" } })).toBe(
      again.enterprises,
    );
  });

  it("refuses enterprises the administrator does not own, and non-administrators", async () => {
    const crrc = await db.prisma.enterprise.findUniqueOrThrow({ where: { code: "CRRC" } });
    const toCrrc = (selection: object) =>
      assignTasks(adminHunan, {
        input: { taskIds: [task.id], selection, dryRun: true },
        locale: "zh-CN",
      });
    expect((await failure(toCrrc({ subtreeOf: crrc.id }))).status).toBe(404);
    expect((await failure(toCrrc({ enterpriseIds: [crrc.id] }))).status).toBe(404);
    expect((await failure(toCrrc({ supervisorIds: [centralId] }))).status).toBe(404);
    const reviewer = await failure(
      assignTasks(reviewerHunan, {
        input: { taskIds: [task.id], selection: hunanSelection() },
        locale: "zh-CN",
      }),
    );
    expect(reviewer.status).toBe(403);
    // Read scope through an enterprise grant is not ownership of its supervisor.
    const granted = { ...adminHunan, enterpriseIds: [crrc.id] };
    expect((await failure(toCrrcAs(granted, crrc.id))).status).toBe(403);
    // Only the three actions applied above were recorded; the refusals wrote nothing.
    expect(
      await db.prisma.auditLog.count({
        where: { entityType: "Assignment", actorId: adminHunan.id },
      }),
    ).toBe(3);
  });

  const toCrrcAs = (actor: Actor, crrcId: string) =>
    assignTasks(actor, {
      input: { taskIds: [task.id], selection: { subtreeOf: crrcId } },
      locale: "zh-CN",
    });

  it("asks for a due date when a task has none, and for tasks of one programme", async () => {
    const other = await db.prisma.task.findFirstOrThrow({
      where: { programme: { code: "CCF" } },
      select: { id: true },
    });
    const mixed = await failure(
      assignTasks(admin, {
        input: { taskIds: [task.id, other.id], selection: hunanSelection(), dryRun: true },
        locale: "en",
      }),
    );
    expect(mixed.fields?.taskIds).toBe("Choose tasks of one programme.");
    const bad = await failure(
      assignTasks(admin, {
        input: { taskIds: [], selection: { depths: [99] }, responsiblePhone: "call me" },
        locale: "en",
      }),
    );
    expect(bad.status).toBe(422);
    expect(Object.keys(bad.fields ?? {}).sort()).toEqual(
      ["responsiblePhone", "selection.depths.0", "taskIds"].sort(),
    );
  });

  describe("not applicable", () => {
    it("needs a reason, refuses a stale version, and leaves the denominator", async () => {
      const itemId = created[0]!;
      const item = await db.prisma.ledgerItem.findUniqueOrThrow({ where: { id: itemId } });
      const noReason = await failure(
        setApplicability(adminHunan, {
          itemId,
          input: { notApplicable: true, reason: "  ", version: item.version },
          locale: "zh-CN",
        }),
      );
      expect(noReason.status).toBe(422);
      expect(noReason.fields?.reason).toBe("此项为必填项。");
      expect(
        (
          await failure(
            setApplicability(reviewerHunan, {
              itemId,
              input: { notApplicable: true, reason: "不涉及", version: item.version },
              locale: "zh-CN",
            }),
          )
        ).status,
      ).toBe(403);

      const denominator = await hunanDenominator();
      const marked = await setApplicability(adminHunan, {
        itemId,
        input: { notApplicable: true, reason: "本企业不涉及此项任务", version: item.version },
        locale: "zh-CN",
      });
      expect(marked).toMatchObject({ notApplicable: true, version: item.version + 1 });
      expect(await hunanDenominator()).toBe(denominator - 1);

      const stale = await failure(
        setApplicability(adminHunan, {
          itemId,
          input: { notApplicable: false, version: item.version },
          locale: "zh-CN",
        }),
      );
      expect(stale.status).toBe(409);
      expect(stale.details?.current).toMatchObject({ version: marked.version });

      const spans = await db.prisma.ledgerItemSpan.findMany({
        where: { ledgerItemId: itemId },
        orderBy: { validFrom: "asc" },
      });
      expect(
        spans.map((s) => [s.notApplicable, s.notApplicableReason, s.validTo === null]),
      ).toEqual([
        [false, null, false],
        [true, "本企业不涉及此项任务", true],
      ]);

      // Undo: counted again.
      const undone = await setApplicability(adminHunan, {
        itemId,
        input: { notApplicable: false, version: marked.version },
        locale: "zh-CN",
      });
      expect(undone.notApplicable).toBe(false);
      expect(await hunanDenominator()).toBe(denominator);
      // And marked again for the matrix below.
      await setApplicability(adminHunan, {
        itemId,
        input: { notApplicable: true, reason: "本企业不涉及此项任务", version: undone.version },
        locale: "zh-CN",
      });
      expect(await hunanDenominator()).toBe(before + created.length - 1);
    });

    it("is a 404 outside the scope", async () => {
      const crrcItem = await db.prisma.ledgerItem.findFirstOrThrow({
        where: { enterprise: { code: "CRRC" } },
      });
      const error = await failure(
        setApplicability(adminHunan, {
          itemId: crrcItem.id,
          input: { notApplicable: true, reason: "x", version: crrcItem.version },
          locale: "zh-CN",
        }),
      );
      expect(error.status).toBe(404);
    });
  });

  describe("matrix", () => {
    it("shows every Hunan enterprise with the task covered, the excluded one as such", async () => {
      const query = MatrixQuery.parse({ supervisorIds: hunanId, taskIds: task.id });
      const matrix = (await getMatrix(reviewerHunan, programmeId, query))!;
      const total = await db.prisma.enterprise.count({ where: { supervisorId: hunanId } });
      expect(matrix.total).toBe(total);
      expect(matrix.rows).toHaveLength(total);
      expect(matrix.tasks).toHaveLength(1);
      expect(matrix.tasks[0]!.coverage).toMatchObject({ assigned: total, notApplicable: 1 });
      const cells = matrix.rows.flatMap((r) => r.cells);
      expect(cells.filter((c) => c.notApplicable).map((c) => c.itemId)).toEqual([created[0]]);
      // Tree order: each enterprise right after its parent or a sibling's subtree.
      const parents = new Map(
        (
          await db.prisma.enterprise.findMany({
            where: { id: { in: matrix.rows.map((r) => r.id) } },
            select: { id: true, parentId: true },
          })
        ).map((e) => [e.id, e.parentId]),
      );
      const seen = new Set<string>();
      for (const row of matrix.rows) {
        const parent = parents.get(row.id);
        if (parent) expect(seen.has(parent)).toBe(true);
        seen.add(row.id);
      }

      const all = (await getMatrix(reviewerHunan, programmeId, MatrixQuery.parse({})))!;
      expect(all.total).toBe(total);
      const paged = (await getMatrix(
        reviewerHunan,
        programmeId,
        MatrixQuery.parse({ pageSize: "3", page: "2" }),
      ))!;
      expect(paged.rows.map((r) => r.id)).toEqual(all.rows.slice(3, 6).map((r) => r.id));
      expect(paged.tasks.map((t) => t.coverage)).toEqual(all.tasks.map((t) => t.coverage));
    });

    it("is a 404 for a filter outside the scope", async () => {
      const query = MatrixQuery.parse({ supervisorIds: centralId });
      expect((await failure(getMatrix(reviewerHunan, programmeId, query))).status).toBe(404);
    });
  });
});

describe("scale", () => {
  it("assigns thousands of items with a fixed number of statements", async () => {
    const p = db.prisma;
    const tasks = await p.task.findMany({
      where: { programmeId, defaultDueDate: { not: null } },
      select: { id: true },
      take: 5,
    });
    // 2,000 extra subsidiaries under a Hunan group, written set-based like the seed.
    const group = await p.enterprise.findUniqueOrThrow({ where: { code: "HN-CONSTR" } });
    await p.$executeRaw`
      INSERT INTO "Enterprise" ("id", "code", "nameZh", "nameEn", "parentId", "rootId", "depth",
        "supervisorId", "region", "updatedAt")
      SELECT gen_random_uuid(), 'HN-SCALE-' || g, '规模测试' || g, 'Scale ' || g, ${group.id}::uuid,
             ${group.id}::uuid, 1, ${hunanId}::uuid, 'HN', now()
      FROM generate_series(1, 2000) g`;
    await p.$executeRaw`
      INSERT INTO "EnterpriseClosure" ("ancestorId", "descendantId", "depth")
      SELECT e."id", e."id", 0 FROM "Enterprise" e WHERE e."code" LIKE 'HN-SCALE-%'
      UNION ALL
      SELECT ${group.id}::uuid, e."id", 1 FROM "Enterprise" e WHERE e."code" LIKE 'HN-SCALE-%'`;
    const input = {
      taskIds: tasks.map((t) => t.id),
      selection: { subtreeOf: group.id, depths: [1] },
    };
    const started = performance.now();
    const preview = await assignTasks(adminHunan, {
      input: { ...input, dryRun: true },
      locale: "en",
    });
    const result = await assignTasks(adminHunan, { input, locale: "en" });
    const elapsed = performance.now() - started;
    expect(result.created).toBe(preview.created);
    expect(result.created).toBeGreaterThanOrEqual(2000 * tasks.length);
    expect(
      await p.ledgerItemSpan.count({
        where: { ledgerItem: { enterprise: { code: { startsWith: "HN-SCALE-" } } } },
      }),
    ).toBe(2000 * tasks.length);
    // About 10,000 items: seconds, not the minutes a round trip per item would take.
    expect(elapsed).toBeLessThan(90_000);
  }, 180_000);
});

describe("over HTTP", () => {
  let token: string;
  beforeAll(async () => {
    token = (await createApiToken(adminHunan.id, "test")).token;
  });
  const call = async (
    handler: typeof matrixEndpoint.handler,
    method: string,
    path: string,
    params: Record<string, string>,
    body?: unknown,
  ) => {
    const response = await handler(
      new NextRequest(`http://localhost/api/v1${path}`, {
        method,
        headers: {
          authorization: `Bearer ${token}`,
          "accept-language": "en",
          ...(body ? { "content-type": "application/json" } : {}),
        },
        body: body ? JSON.stringify(body) : undefined,
      }),
      { params: Promise.resolve(params) },
    );
    return { status: response.status, body: (await response.json()) as Record<string, never> };
  };

  it("answers a dry run, a 422 without a reason and the matrix", async () => {
    const dry = await call(
      assignTasksEndpoint.handler,
      "POST",
      "/assignments",
      {},
      {
        taskIds: [task.id],
        selection: { supervisorIds: [hunanId], depths: [0] },
        dryRun: true,
      },
    );
    expect(dry.status).toBe(200);
    expect(dry.body).toMatchObject({ dryRun: true, existing: 3 });

    const item = await db.prisma.ledgerItem.findFirstOrThrow({
      where: { taskId: task.id, enterprise: { supervisorId: hunanId }, notApplicable: false },
    });
    const path = `/ledger-items/${item.id}/applicability`;
    const noReason = await call(
      setApplicabilityEndpoint.handler,
      "PATCH",
      path,
      { id: item.id },
      {
        notApplicable: true,
        version: item.version,
      },
    );
    expect(noReason.status).toBe(422);
    expect(noReason.body).toMatchObject({
      error: { code: "validation_failed", fields: { reason: "This field is required." } },
    });

    const matrix = await call(
      matrixEndpoint.handler,
      "GET",
      `/programmes/${programmeId}/matrix?supervisorIds=${hunanId}&depths=0,1&pageSize=2`,
      { id: programmeId },
    );
    expect(matrix.status).toBe(200);
    expect(matrix.body).toMatchObject({ page: 1, pageSize: 2 });
    const outside = await call(
      matrixEndpoint.handler,
      "GET",
      `/programmes/${programmeId}/matrix?supervisorIds=${centralId}`,
      { id: programmeId },
    );
    expect(outside.status).toBe(404);
  });
});
