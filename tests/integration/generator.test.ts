/**
 * The scale generator (lib/db/generate) on the tiny preset: the data it bulk-loads keeps the
 * app's invariants (closure exact, current columns agreeing with the recorded history, every
 * span consistent with the current columns) and getDashboard's figures on it equal a brute-force
 * recomputation from the raw rows, for the whole scope, each supervisor, a group and a
 * subsidiary, on days across the history (the frozen round's period end among them); its
 * roll-up, built in slices at once, equals the raw figures.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/policy";
import { generate } from "@/lib/db/generate";
import { PRESETS } from "@/lib/db/generate/presets";
import { getDashboard } from "@/lib/dashboard/get-dashboard";
import { verifyRollups } from "@/lib/dashboard/rollup/verify";
import { addDays, chinaDay, endOfChinaDay, isoDay } from "@/lib/time";
import { actorFor } from "./fixtures";
import { itemAt, loadHistory, type Item, type TreeHistory } from "./history-brute";
import { createTestDatabase, type TestDatabase } from "./setup/db";

const NOW = new Date("2026-11-20T04:00:00Z");
let db: TestDatabase;
let items: Item[];
let tree: TreeHistory;
let counts: Record<string, number>;

beforeAll(async () => {
  db = await createTestDatabase();
  const result = await generate({ url: db.url, preset: PRESETS.tiny!, seed: 7, now: NOW });
  counts = result.counts;
  ({ items, tree } = await loadHistory(db.prisma));
}, 120_000);
afterAll(async () => {
  await db?.drop();
});

const q = <T>(sql: string) => db.prisma.$queryRawUnsafe<T[]>(sql);

describe("generated data keeps the app's invariants", () => {
  it("fills every table the figures read", () => {
    for (const table of [
      "Enterprise",
      "LedgerItem",
      "ProgressEntry",
      "LedgerStatusEvent",
      "EntryReview",
      "RoundSnapshot",
      "User",
    ])
      expect(counts[table], table).toBeGreaterThan(0);
  });

  it("has an exact closure table and consistent depth and root", async () => {
    const rows = await db.prisma.enterprise.findMany({
      select: { id: true, parentId: true, rootId: true, depth: true },
    });
    const parent = new Map(rows.map((r) => [r.id, r.parentId]));
    const expected: string[] = [];
    for (const r of rows) {
      const path: string[] = [];
      for (let id: string | null = r.id; id; id = parent.get(id) ?? null) path.push(id);
      path.forEach((a, d) => expected.push(`${a}>${r.id}@${d}`));
      expect(r.depth).toBe(path.length - 1);
      expect(r.rootId).toBe(path.length > 1 ? path.at(-1) : null);
    }
    const closure = await db.prisma.enterpriseClosure.findMany();
    expect(closure.map((c) => `${c.ancestorId}>${c.descendantId}@${c.depth}`).sort()).toEqual(
      expected.sort(),
    );
  });

  it("sets completedAt exactly on completed items, claimedAt on claimed ones", async () => {
    const [bad] = await q<{ n: number }>(`SELECT count(*)::int AS n FROM "LedgerItem"
      WHERE ("completedAt" IS NOT NULL) <> ("status" = 'COMPLETED')
         OR ("status" IN ('COMPLETED', 'COMPLETION_CLAIMED') AND ("claimedAt" IS NULL OR "percentDone" <> 100))
         OR ("completedAt" IS NOT NULL AND "completedAt" < "claimedAt")`);
    expect(bad!.n).toBe(0);
  });

  it("keeps one open span per item, closure pair and enterprise, equal to the current columns", async () => {
    const [mismatch] = await q<{
      items: number;
      closure: number;
      supervisors: number;
      itemSupervisors: number;
      search: number;
    }>(`SELECT
      (SELECT count(*)::int FROM "LedgerItem" li WHERE NOT EXISTS (SELECT 1 FROM "LedgerItemSpan" s
         WHERE s."ledgerItemId" = li."id" AND s."validTo" IS NULL AND s."isMain" = li."isMain"
           AND s."categoryId" = li."categoryId" AND s."notApplicable" = li."notApplicable")) AS items,
      (SELECT count(*)::int FROM "EnterpriseClosure" c FULL JOIN
         (SELECT * FROM "EnterpriseClosureSpan" WHERE "validTo" IS NULL) s
         ON s."ancestorId" = c."ancestorId" AND s."descendantId" = c."descendantId" AND s."depth" = c."depth"
       WHERE c."ancestorId" IS NULL OR s."ancestorId" IS NULL) AS closure,
      (SELECT count(*)::int FROM "Enterprise" e WHERE (SELECT count(*) FROM "EnterpriseSupervisorSpan" s
         WHERE s."enterpriseId" = e."id" AND s."validTo" IS NULL AND s."supervisorId" = e."supervisorId") <> 1) AS supervisors,
      (SELECT count(*)::int FROM "LedgerItem" li JOIN "Enterprise" e ON e."id" = li."enterpriseId"
       WHERE li."supervisorId" IS DISTINCT FROM e."supervisorId") AS "itemSupervisors",
      (SELECT count(*)::int FROM "Enterprise" e LEFT JOIN "EnterpriseSearch" s ON s."enterpriseId" = e."id"
       WHERE s."grams" IS DISTINCT FROM ledger_grams(e."nameZh" || ' ' || e."nameEn" || ' ' || e."code")) AS search`);
    expect(mismatch).toEqual({
      items: 0,
      closure: 0,
      supervisors: 0,
      itemSupervisors: 0,
      search: 0,
    });
  });

  it("derives each item's status, percent and last entry from its history, none of it in the future", async () => {
    const current = await db.prisma.ledgerItem.findMany({
      select: { id: true, status: true, percentDone: true, lastEntryAt: true, completedAt: true },
    });
    const byId = new Map(items.map((i) => [i.id, i]));
    for (const c of current) {
      const i = byId.get(c.id)!;
      const last = i.events.reduce<Item["events"][number] | null>(
        (a, e) => (!a || e.at > a.at ? e : a),
        null,
      );
      expect(c.status, c.id).toBe(last?.toStatus ?? "NOT_STARTED");
      expect(c.percentDone, c.id).toBe(
        c.status === "NOT_STARTED" ? 0 : itemAt(i, NOW)!.percentDone,
      );
      const lastEntry = Math.max(0, ...i.entries.map((e) => e.at.getTime()));
      expect(c.lastEntryAt?.getTime() ?? 0, c.id).toBe(lastEntry);
      for (const t of [...i.events.map((e) => e.at), ...i.entries.map((e) => e.at)])
        expect(t.getTime()).toBeLessThanOrEqual(NOW.getTime());
    }
  });

  it("gives every liaison an enterprise grant and every supervisor a reviewer", async () => {
    const [row] = await q<{ liaisons: number; reviewers: number }>(`SELECT
      (SELECT count(*)::int FROM "User" u WHERE u."role" = 'LIAISON' AND NOT EXISTS
         (SELECT 1 FROM "UserScope" s WHERE s."userId" = u."id" AND s."enterpriseId" IS NOT NULL)) AS liaisons,
      (SELECT count(*)::int FROM "Supervisor" sv WHERE NOT EXISTS (SELECT 1 FROM "UserScope" s
         JOIN "User" u ON u."id" = s."userId" AND u."role" = 'REVIEWER' WHERE s."supervisorId" = sv."id")) AS reviewers`);
    expect(row).toEqual({ liaisons: 0, reviewers: 0 });
  });
});

describe("the roll-up built in slices at once", () => {
  it("equals the raw figures, colours included, at every month end and days ahead", async () => {
    const ahead = Array.from({ length: 60 }, (_, i) => addDays(chinaDay(NOW), 7 * i + 1));
    expect(await verifyRollups(db.prisma, { now: NOW, extraDays: ahead })).toEqual([]);
    expect(await db.prisma.rollupDay.count({ where: { red: { not: 0 } } })).toBeGreaterThan(0);
    expect(await db.prisma.rollupDay.count({ where: { yellow: { not: 0 } } })).toBeGreaterThan(0);
  });
});

describe("getDashboard on generated data equals a recomputation from the raw rows", () => {
  it("for every kind of node and days across the history", async () => {
    const actors: Actor[] = [
      await actorFor(db.prisma, "manager"),
      await actorFor(db.prisma, "reviewer-central"),
    ];
    const programme = await db.prisma.programme.findFirstOrThrow();
    const snapshotDay = (
      await db.prisma.roundSnapshot.findFirstOrThrow({ include: { round: true } })
    ).round.periodEnd;
    const enterprises = await db.prisma.enterprise.findMany({ orderBy: { code: "asc" } });
    const supervisors = await db.prisma.supervisor.findMany({ orderBy: { code: "asc" } });
    const group = enterprises.find(
      (e) => e.depth === 0 && enterprises.some((c) => c.parentId === e.id),
    )!;
    const sub = enterprises.find((e) => e.parentId === group.id)!;
    // The frozen round's period end (the snapshot path), a day early in the history, today.
    const days = [snapshotDay, addDays(programme.startDate, 200), chinaDay(NOW)];
    type Node = { type: "scope" } | { type: "supervisor" | "enterprise"; id: string };
    const nodes: Node[] = [
      { type: "scope" },
      ...supervisors.map((s) => ({ type: "supervisor" as const, id: s.id })),
      { type: "enterprise", id: group.id },
      { type: "enterprise", id: sub.id },
    ];
    let compared = 0;
    for (const actor of actors)
      for (const node of nodes)
        for (const day of days) {
          const inScope = (e: string) =>
            actor.scopeAll ||
            actor.supervisorIds.includes(enterprises.find((x) => x.id === e)!.supervisorId);
          if (node.type === "enterprise" && !inScope(node.id)) continue;
          if (
            node.type === "supervisor" &&
            !actor.scopeAll &&
            !actor.supervisorIds.includes(node.id)
          )
            continue;
          const at = endOfChinaDay(day);
          const rows = items.flatMap((i) => {
            const r = itemAt(i, at);
            if (!r || !r.isMain || r.notApplicable || !inScope(i.enterpriseId)) return [];
            const inNode =
              node.type === "scope" ||
              (node.type === "supervisor"
                ? tree.supervisorAt(i.enterpriseId, at) === node.id
                : tree.pathAt(i.enterpriseId, at).includes(node.id));
            return inNode ? [{ ...r, categoryId: r.categoryId }] : [];
          });
          const answer = await getDashboard(
            actor,
            {
              programmeId: programme.id,
              asOf: isoDay(day),
              ...(node.type === "supervisor" ? { supervisorId: node.id } : {}),
              ...(node.type === "enterprise" ? { enterpriseId: node.id } : {}),
            },
            { now: NOW },
          );
          const label = { actor: actor.username, node, day: isoDay(day) };
          expect({
            ...label,
            total: answer.headline.total,
            completed: answer.headline.completed,
            pending: answer.headline.pendingClaims,
          }).toEqual({
            ...label,
            total: rows.length,
            completed: rows.filter((r) => r.completed).length,
            pending: rows.filter((r) => r.claimPending).length,
          });
          for (const c of answer.byCategory) {
            const inCat = rows.filter((r) => r.categoryId === c.categoryId);
            expect({ ...label, c: c.code, total: c.total, completed: c.completed }).toEqual({
              ...label,
              c: c.code,
              total: inCat.length,
              completed: inCat.filter((r) => r.completed).length,
            });
          }
          expect(answer.children.reduce((s, c) => s + c.total, 0)).toBeLessThanOrEqual(rows.length);
          compared += 1;
        }
    expect(compared).toBeGreaterThan(10);
  }, 300_000);
});
