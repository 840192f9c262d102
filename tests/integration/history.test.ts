/**
 * History and as-of figures: a past figure never changes when an item is marked not applicable,
 * a task is reclassified or an enterprise subtree moves; the current figure changes by exactly
 * what the change implies; the closure rows of a moved subtree are exact.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/policy";
import { instantSql, mainTaskCounts } from "@/lib/dashboard/completion";
import { itemsAsOfSql, mainPopulationSql } from "@/lib/dashboard/population";
import { moveEnterprise } from "@/lib/history/move-enterprise";
import { reclassifyTask } from "@/lib/history/reclassify-task";
import { setItemNotApplicable } from "@/lib/history/set-item-not-applicable";
import { actorFor } from "./fixtures";
import { seededTestDatabase, type TestDatabase } from "./setup/db";

let db: TestDatabase;
let admin: Actor;
let programmeId: string;
const PAST = new Date("2025-06-30T15:59:59.999Z"); // end of 30 June 2025, China time
const T0 = new Date(Date.now() - 60_000);

beforeAll(async () => {
  db = await seededTestDatabase();
  admin = { ...(await actorFor(db.prisma, "admin")), scopeAll: true };
  programmeId = (await db.prisma.programme.findUniqueOrThrow({ where: { code: "SDU-2023" } })).id;
});
afterAll(async () => {
  await db?.drop();
});

type Cell = { total: number; completed: number };

/** The grouped read every view makes: per category x supervisor over the population at `at`. */
async function grouped(at: Date): Promise<Map<string, Cell>> {
  const rows = await db.prisma.$queryRaw<(Cell & { k: string })[]>`
    SELECT p."categoryId" || '/' || p."supervisorId" AS "k", count(*)::int AS "total",
           count(*) FILTER (WHERE p."completed")::int AS "completed"
    FROM ${itemsAsOfSql({ programmeId, at: instantSql(at) })} p
    WHERE ${mainPopulationSql("p")}
    GROUP BY 1`;
  return new Map(rows.map((r) => [r.k, { total: r.total, completed: r.completed }]));
}

async function figures(at: Date, nodes: { enterpriseId?: string; supervisorId?: string }[]) {
  const [all] = await mainTaskCounts(admin, { programmeId, asOf: [at] });
  const perNode = [];
  for (const node of nodes)
    perNode.push((await mainTaskCounts(admin, { programmeId, asOf: [at], ...node }))[0]);
  return { all, perNode, grouped: await grouped(at) };
}

/** Every (ancestor, descendant, depth) from parentId alone: the reference for the closure. */
async function bruteClosure(): Promise<string[]> {
  const rows = await db.prisma.enterprise.findMany({ select: { id: true, parentId: true } });
  const parent = new Map(rows.map((r) => [r.id, r.parentId]));
  const out: string[] = [];
  for (const { id } of rows) {
    let depth = 0;
    for (let at: string | null | undefined = id; at; at = parent.get(at), depth++)
      out.push(`${at}>${id}@${depth}`);
  }
  return out.sort();
}

describe("history and as-of figures", () => {
  it("the population now equals the ledger's current columns, item by item", async () => {
    const diff = await db.prisma.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS "n"
      FROM ${itemsAsOfSql({ programmeId, at: instantSql(new Date()) })} p
      JOIN "LedgerItem" li ON li."id" = p."itemId"
      WHERE p."status" <> li."status" OR p."percentDone" <> li."percentDone"
         OR p."isMain" <> li."isMain" OR p."notApplicable" <> li."notApplicable"
         OR p."categoryId" <> li."categoryId"
         OR p."claimPending" <> (li."status" = 'COMPLETION_CLAIMED')`;
    expect(diff[0]!.n).toBe(0);
  });

  it("ends a completed item's history with its approval: COMPLETED, 100, at completedAt", async () => {
    // What lets the as-of population skip a completed item's history look-ups.
    const [row] = await db.prisma.$queryRaw<{ completed: number; bad: number }[]>`
      SELECT count(*)::int AS "completed",
             count(*) FILTER (WHERE ev."toStatus" IS DISTINCT FROM 'COMPLETED'
               OR ev."percentDone" IS DISTINCT FROM 100 OR ev."at" IS DISTINCT FROM li."completedAt"
               OR EXISTS (SELECT 1 FROM "ProgressEntry" pe
                          WHERE pe."ledgerItemId" = li."id" AND pe."createdAt" > li."completedAt"))::int AS "bad"
      FROM "LedgerItem" li
      LEFT JOIN LATERAL (SELECT e."toStatus", e."percentDone", e."at" FROM "LedgerStatusEvent" e
        WHERE e."ledgerItemId" = li."id" ORDER BY e."at" DESC, e."id" DESC LIMIT 1) ev ON TRUE
      WHERE li."completedAt" IS NOT NULL`;
    expect(row!.completed).toBeGreaterThan(50);
    expect(row!.bad).toBe(0);
  });

  it("keeps past figures and moves current ones by exactly the change", async () => {
    const sc = await db.prisma.supervisor.findUniqueOrThrow({ where: { code: "SASAC-SC" } });
    const hn = await db.prisma.supervisor.findUniqueOrThrow({ where: { code: "SASAC-HN" } });
    // A central subsidiary with children moves under a Hunan group, to the Hunan SASAC.
    const moved = await db.prisma.enterprise.findFirstOrThrow({
      where: { supervisorId: sc.id, depth: 1, children: { some: {} } },
      orderBy: { code: "asc" },
    });
    const newParent = await db.prisma.enterprise.findFirstOrThrow({
      where: { supervisorId: hn.id, depth: 0 },
      orderBy: { code: "asc" },
    });
    const subtree = (
      await db.prisma.enterpriseClosure.findMany({ where: { ancestorId: moved.id } })
    ).map((c) => c.descendantId);
    const applicableMain = { programmeId, isMain: true, notApplicable: false };
    // An item completed before PAST, outside the subtree, of a task other than the reclassified one.
    const task = await db.prisma.task.findFirstOrThrow({
      where: { programmeId, isMain: true, ledgerItems: { some: { notApplicable: false } } },
      orderBy: { code: "asc" },
    });
    const item = await db.prisma.ledgerItem.findFirstOrThrow({
      where: {
        ...applicableMain,
        completedAt: { lt: PAST },
        taskId: { not: task.id },
        enterpriseId: { notIn: subtree },
      },
      orderBy: { id: "asc" },
    });
    const otherCategory = await db.prisma.category.findFirstOrThrow({
      where: { programmeId, id: { not: task.categoryId } },
      orderBy: { code: "asc" },
    });
    const nodes = [
      { enterpriseId: moved.parentId! },
      { enterpriseId: newParent.id },
      { supervisorId: sc.id },
      { supervisorId: hn.id },
    ];
    const before = { past: await figures(PAST, nodes), now: await figures(T0, nodes) };

    // 1. Not applicable.
    const t1 = new Date(T0.getTime() + 1000);
    await db.prisma.$transaction((tx) =>
      setItemNotApplicable(tx, {
        itemId: item.id,
        reason: "经国资委同意不涉及",
        at: t1,
        actor: admin,
      }),
    );
    const after1 = await figures(t1, nodes);
    expect(after1.all).toEqual({
      total: before.now.all!.total - 1,
      completed: before.now.all!.completed - 1,
    });

    // 2. Reclassify the task to another category, then make it a non-main task.
    const taskItems = await db.prisma.ledgerItem.findMany({
      where: { ...applicableMain, taskId: task.id },
      select: { completedAt: true, enterprise: { select: { supervisorId: true } } },
    });
    const t2 = new Date(t1.getTime() + 1000);
    await db.prisma.$transaction((tx) =>
      reclassifyTask(tx, { taskId: task.id, categoryId: otherCategory.id, at: t2, actor: admin }),
    );
    const after2 = await figures(t2, nodes);
    expect(after2.all).toEqual(after1.all);
    for (const s of new Set(taskItems.map((i) => i.enterprise.supervisorId))) {
      const n = taskItems.filter((i) => i.enterprise.supervisorId === s).length;
      const from = (k: Map<string, Cell>) => k.get(`${task.categoryId}/${s}`)?.total ?? 0;
      const to = (k: Map<string, Cell>) => k.get(`${otherCategory.id}/${s}`)?.total ?? 0;
      expect(from(after2.grouped)).toBe(from(after1.grouped) - n);
      expect(to(after2.grouped)).toBe(to(after1.grouped) + n);
    }
    const t3 = new Date(t2.getTime() + 1000);
    await db.prisma.$transaction((tx) =>
      reclassifyTask(tx, { taskId: task.id, isMain: false, at: t3, actor: admin }),
    );
    const after3 = await figures(t3, nodes);
    expect(after3.all).toEqual({
      total: after2.all!.total - taskItems.length,
      completed: after2.all!.completed - taskItems.filter((i) => i.completedAt).length,
    });

    // 3. Move the subtree under the Hunan group and to the Hunan SASAC.
    const inSubtree = await db.prisma.ledgerItem.findMany({
      where: { ...applicableMain, enterpriseId: { in: subtree } },
      select: { completedAt: true },
    });
    const m = { total: inSubtree.length, completed: inSubtree.filter((i) => i.completedAt).length };
    expect(m.total).toBeGreaterThan(0);
    const t4 = new Date(t3.getTime() + 1000);
    await db.prisma.$transaction((tx) =>
      moveEnterprise(tx, {
        enterpriseId: moved.id,
        parentId: newParent.id,
        supervisorId: hn.id,
        at: t4,
        actor: admin,
      }),
    );
    const after4 = await figures(t4, nodes);
    expect(after4.all).toEqual(after3.all);
    const shift = (a: Cell | undefined, b: Cell | undefined, sign: number) => {
      expect(b).toEqual({
        total: a!.total + sign * m.total,
        completed: a!.completed + sign * m.completed,
      });
    };
    shift(after3.perNode[0], after4.perNode[0], -1);
    shift(after3.perNode[1], after4.perNode[1], +1);
    shift(after3.perNode[2], after4.perNode[2], -1);
    shift(after3.perNode[3], after4.perNode[3], +1);

    // The past and the instant just before the changes read exactly as before.
    expect(await figures(PAST, nodes)).toEqual(before.past);
    expect(await figures(T0, nodes)).toEqual(before.now);

    // The closure is exactly what parentId implies, and so are the open spans and depth/rootId.
    const brute = await bruteClosure();
    const closure = await db.prisma.enterpriseClosure.findMany();
    expect(closure.map((c) => `${c.ancestorId}>${c.descendantId}@${c.depth}`).sort()).toEqual(
      brute,
    );
    const open = await db.prisma.enterpriseClosureSpan.findMany({ where: { validTo: null } });
    expect(open.map((c) => `${c.ancestorId}>${c.descendantId}@${c.depth}`).sort()).toEqual(brute);
    const nodesNow = await db.prisma.enterprise.findMany({
      where: { id: { in: subtree } },
      select: { depth: true, rootId: true, supervisorId: true },
    });
    for (const e of nodesNow) {
      expect(e.rootId).toBe(newParent.id);
      expect(e.supervisorId).toBe(hn.id);
      expect(e.depth).toBeGreaterThanOrEqual(1);
    }
  });

  it("refuses to rewrite history: spans are only closed, never edited or deleted", async () => {
    const span = await db.prisma.ledgerItemSpan.findFirstOrThrow({ where: { validTo: null } });
    await expect(
      db.prisma
        .$executeRaw`UPDATE "LedgerItemSpan" SET "isMain" = NOT "isMain" WHERE "id" = ${span.id}`,
    ).rejects.toThrow(/history/);
    await expect(
      db.prisma
        .$executeRaw`DELETE FROM "EnterpriseClosureSpan" WHERE "id" = (SELECT min("id") FROM "EnterpriseClosureSpan")`,
    ).rejects.toThrow(/history/);
    // A change dated before the history it follows (the item's newest span) is refused.
    const latest = await db.prisma.ledgerItemSpan.findFirstOrThrow({
      where: { validTo: null },
      orderBy: { validFrom: "desc" },
    });
    await expect(
      db.prisma.$transaction((tx) =>
        setItemNotApplicable(tx, {
          itemId: latest.ledgerItemId,
          reason: latest.notApplicable ? null : "x",
          at: new Date(latest.validFrom.getTime() - 1),
          actor: admin,
        }),
      ),
    ).rejects.toThrow(/before the history/);
  });
});
