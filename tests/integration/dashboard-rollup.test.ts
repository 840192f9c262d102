/**
 * The dashboard roll-up stays exact through the app's writers: progress, a claim returned and
 * one approved, history changes (not applicable, reclassified, a subsidiary moved to another
 * supervisor from a past day), a merge and a new assignment; red and yellow through a round's
 * close and a change of the programme's plan settings. Then `verifyRollups` finds no difference
 * on any of the last 40 days nor on every third day of the next year and a half (colour rows are
 * dated ahead); each supervisor's groups read from it equal their computation from the items;
 * and a rebuild gives the writers' rows back. That it finds a corrupted row: rollup-verify.test.ts.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/policy";
import { assignTasks } from "@/lib/assignments/assign-tasks";
import { childCounts } from "@/lib/dashboard/children";
import { instantSql } from "@/lib/dashboard/completion";
import { listChildren, type DashboardNode } from "@/lib/dashboard/nodes";
import { itemsAsOfSql, liveAtSql } from "@/lib/dashboard/population";
import { rebuildRollups } from "@/lib/dashboard/rollup/rebuild";
import { rollupAsOfSql } from "@/lib/dashboard/rollup/read";
import { verifyRollups } from "@/lib/dashboard/rollup/verify";
import { updateProgramme } from "@/lib/catalogue/update-programme";
import { runRoundClock } from "@/lib/rounds/jobs";
import { mergeEnterprises } from "@/lib/history/merge-enterprises";
import { claimCompletion } from "@/lib/ledger/claim-completion";
import { uploadEvidence } from "@/lib/ledger/evidence";
import { recordProgress } from "@/lib/ledger/record-progress";
import { reviewEntry } from "@/lib/review/review-entry";
import { addDays, chinaDay, endOfChinaDay, isoDay } from "@/lib/time";
import { actorFor, currentPeriod, openItemOf, pdfFile } from "./fixtures";
import { changeHistory } from "./history-brute";
import { seededTestDatabase, type TestDatabase } from "./setup/db";

let db: TestDatabase;
let admin: Actor;
const lastDays = () => Array.from({ length: 41 }, (_, i) => addDays(chinaDay(), -i));
/**
 * Every third day of the next year and a half: colour rows are dated ahead (due dates passed,
 * the plan overtaking a percent), and their sums must equal the colour rule applied to the
 * history as it stands on those days (a change day left out is wrong until the item's next one).
 */
const nextDays = () => Array.from({ length: 180 }, (_, i) => addDays(chinaDay(), 3 * i + 1));

beforeAll(async () => {
  process.env.EVIDENCE_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "evidence-"));
  db = await seededTestDatabase();
  admin = { ...(await actorFor(db.prisma, "admin")), scopeAll: true };
}, 120_000);
afterAll(async () => {
  await db?.drop();
});

async function claim(actor: Actor, itemId: string, version: number) {
  const evidence = await uploadEvidence(actor, { itemId, file: pdfFile() });
  return claimCompletion(actor, {
    itemId,
    locale: "zh-CN",
    input: {
      version,
      period: currentPeriod(),
      statement: "任务已全部完成，附验收报告。",
      evidenceIds: [evidence.id],
      justification: "指标尚未全部达标，但改革举措均已落实，详见验收报告。",
    },
  });
}

describe("the dashboard roll-up", () => {
  it("equals the raw figures after writes through every writer", async () => {
    expect(await verifyRollups(db.prisma, { extraDays: lastDays() })).toEqual([]);
    const liaison = await actorFor(db.prisma, "liaison-crrc");
    const reviewer = await actorFor(db.prisma, "reviewer-central");

    const progressed = await openItemOf(db.prisma, "liaison-crrc", { skip: 2 });
    await recordProgress(liaison, {
      itemId: progressed.id,
      locale: "zh-CN",
      input: {
        version: progressed.version,
        period: currentPeriod(),
        narrative: "完成联合研发团队组建。",
        percentDone: Math.min(99, progressed.percentDone + 7),
        indicatorWarningsConfirmed: true,
        indicatorValues: [],
        links: [],
      },
    });
    const item = await openItemOf(db.prisma, "liaison-crrc", { skip: 0 });
    const first = await claim(liaison, item.id, item.version);
    const returned = await reviewEntry(reviewer, {
      entryId: first.entry.id,
      locale: "zh-CN",
      input: { decision: "RETURN", comment: "缺少验收报告。" },
    });
    const second = await claim(liaison, item.id, returned.item.version);
    await reviewEntry(reviewer, {
      entryId: second.entry.id,
      locale: "zh-CN",
      input: { decision: "APPROVE" },
    });
    expect(await verifyRollups(db.prisma, { extraDays: lastDays() })).toEqual([]);

    // Not applicable, reclassified, a subsidiary moved to another supervisor: all backdated.
    await changeHistory(db.prisma, admin);
    // Two leaf enterprises of one supervisor merge, from two days ago.
    const leaves = await db.prisma.enterprise.findMany({
      where: { active: true, depth: { gt: 0 }, children: { none: {} }, ledgerItems: { some: {} } },
      orderBy: [{ supervisorId: "asc" }, { code: "asc" }],
      select: { id: true, supervisorId: true },
    });
    const pair = leaves.find((e, i) => leaves[i + 1]?.supervisorId === e.supervisorId)!;
    const absorbed = leaves[leaves.indexOf(pair) + 1]!;
    await db.prisma.$transaction((tx) =>
      mergeEnterprises(tx, {
        survivorId: pair.id,
        absorbedId: absorbed.id,
        at: new Date(Date.now() - 2 * 86_400_000),
        actor: admin,
      }),
    );
    // The absorbed enterprise's view of a day before the merge still counts the items it had
    // then, now placed at the survivor (found through their former-enterprise spans).
    const beforeMerge = instantSql(new Date(Date.now() - 3 * 86_400_000));
    let absorbedItems = 0;
    for (const { id: programmeId } of await db.prisma.programme.findMany({
      select: { id: true },
    })) {
      const node = { enterpriseId: absorbed.id };
      const [row] = await db.prisma.$queryRaw<{ node: number; all: number }[]>`
        SELECT (SELECT count(*) FROM ${itemsAsOfSql({ programmeId, at: beforeMerge, node })} p)::int AS "node",
               (SELECT count(*) FROM ${itemsAsOfSql({ programmeId, at: beforeMerge })} p
                WHERE p."enterpriseId" = ${absorbed.id}::uuid)::int AS "all"`;
      expect(row!.node).toBe(row!.all);
      absorbedItems += row!.all;
    }
    expect(absorbedItems).toBeGreaterThan(0);
    // A task assigned to every enterprise of a supervisor: new items.
    const task = await db.prisma.task.findFirstOrThrow({
      where: { isMain: true },
      orderBy: { code: "desc" },
    });
    const created = await assignTasks(admin, {
      input: { taskIds: [task.id], selection: { supervisorIds: [pair.supervisorId] } },
      locale: "zh-CN",
    });
    expect(created.created).toBeGreaterThan(0);

    expect(await db.prisma.ledgerItemFormerEnterprise.count()).toBeGreaterThan(0);
    expect(await verifyRollups(db.prisma, { extraDays: [...lastDays(), ...nextDays()] })).toEqual(
      [],
    );
  }, 300_000);

  it("keeps red and yellow exact through a round's close and a change of the plan settings", async () => {
    const today = chinaDay();
    const yellowOn = async (programmeId: string, day = today) => {
      const [row] = await db.prisma.$queryRaw<{ yellow: number }[]>`
        SELECT COALESCE(sum(x."yellow"), 0)::int AS "yellow"
        FROM (SELECT ${day}::date AS "day") d CROSS JOIN LATERAL ${rollupAsOfSql(programmeId)} x`;
      return row!.yellow;
    };
    // The open round of the reform action still running (the other's items are all overdue or
    // done by now) ends its window: the clock closes it, and the items silent since its period
    // start turn yellow from today on.
    const round = await db.prisma.reportingRound.findFirstOrThrow({
      where: { status: "OPEN", programme: { code: "CCF" } },
    });
    const before = await yellowOn(round.programmeId);
    // (Its period made to start today, so that the demo's items, all reported in the month,
    // are silent in it.)
    await db.prisma.reportingRound.update({
      where: { id: round.id },
      data: { periodStart: today, windowClosesAt: new Date(Date.now() - 60_000) },
    });
    expect((await runRoundClock()).closed).toBeGreaterThan(0);
    const closed = await db.prisma.reportingRound.findUniqueOrThrow({ where: { id: round.id } });
    expect(closed.status).toBe("CLOSED");
    expect(await verifyRollups(db.prisma, { extraDays: [...lastDays(), ...nextDays()] })).toEqual(
      [],
    );
    expect(await yellowOn(round.programmeId)).toBeGreaterThan(before);

    // Fewer points behind plan tolerated: more items behind it, on every past and future day.
    const programme = await db.prisma.programme.findUniqueOrThrow({
      where: { id: round.programmeId },
    });
    const monthAgo = addDays(today, -30);
    const tolerant = await yellowOn(programme.id, monthAgo);
    await updateProgramme(admin, {
      id: programme.id,
      locale: "zh-CN",
      input: { version: programme.version, behindPlanPoints: 0 },
    });
    expect(await yellowOn(programme.id, monthAgo)).toBeGreaterThan(tolerant);
    expect(await verifyRollups(db.prisma, { extraDays: [...lastDays(), ...nextDays()] })).toEqual(
      [],
    );
  }, 300_000);

  it("read live or from the current columns after those writes, the population equals its history", async () => {
    // An hour ahead: after everything recorded, so the live path is the one taken.
    const at = instantSql(new Date(Date.now() + 3_600_000));
    const [live] = await db.prisma.$queryRaw<
      { live: boolean }[]
    >`SELECT ${liveAtSql(at)} AS "live"`;
    expect(live!.live).toBe(true);
    const programmes = await db.prisma.programme.findMany({ select: { id: true } });
    // Whole programmes, and nodes: a group with subsidiaries (its subtree) and a supervisor.
    const group = await db.prisma.enterprise.findFirstOrThrow({
      where: { depth: 0, children: { some: { children: { some: {} } } } },
      orderBy: { code: "asc" },
    });
    const nodes = [undefined, { enterpriseId: group.id }, { supervisorId: group.supervisorId }];
    for (const { id: programmeId } of programmes)
      for (const node of nodes) {
        const history = itemsAsOfSql({ programmeId, at, node });
        const [row] = await db.prisma.$queryRaw<{ n: number; live: number; current: number }[]>`
          SELECT count(*)::int AS "n",
                 count(*) FILTER (WHERE to_jsonb(h) IS DISTINCT FROM to_jsonb(l))::int AS "live",
                 count(*) FILTER (WHERE to_jsonb(h) IS DISTINCT FROM to_jsonb(c))::int AS "current"
          FROM ${history} h
          FULL JOIN ${itemsAsOfSql({ programmeId, at, node, live: true })} l ON l."itemId" = h."itemId"
          FULL JOIN ${itemsAsOfSql({ programmeId, at, node, current: true })} c
            ON c."itemId" = coalesce(h."itemId", l."itemId")`;
        expect({ live: row!.live, current: row!.current }).toEqual({ live: 0, current: 0 });
        if (programmeId === programmes[0]!.id) expect(row!.n).toBeGreaterThan(node ? 5 : 100);
      }
  });

  it("gives each supervisor's groups the figures computed from their items", async () => {
    // After the previous test's writers: moves, merges, new items, a round's close.
    const supervisors = await db.prisma.supervisor.findMany({ select: { id: true } });
    const programmes = await db.prisma.programme.findMany({ select: { id: true } });
    let groups = 0;
    for (const day of [chinaDay(), addDays(chinaDay(), -2), addDays(chinaDay(), -40)])
      for (const { id: programmeId } of programmes)
        for (const { id } of supervisors) {
          const node: DashboardNode = { type: "supervisor", id, nameZh: "", nameEn: "" };
          const at = endOfChinaDay(day);
          const ctx = {
            db: db.prisma,
            actor: admin,
            programmeId,
            node,
            day,
            at,
            asOf: isoDay(day),
            targets: [],
          };
          const children = await listChildren(admin, node, at, db.prisma);
          const instants = [at, endOfChinaDay(addDays(day, -91))];
          // Raw: red, yellow and weighted progress at the first instant only; no row for a group
          // with nothing to count.
          const shown = (rows: Awaited<ReturnType<typeof childCounts>>) =>
            rows
              .filter((r) => r.total || r.completed || r.red || r.yellow)
              .map((r) => (r.i === 1 ? r : { ...r, weighted: null, red: 0, yellow: 0 }))
              .sort((a, b) => a.i - b.i || a.childId.localeCompare(b.childId));
          const rolledUp = await childCounts(ctx, children, instants, true);
          // Read from the roll-up: it has weighted progress at the window's start too.
          if (children.length)
            expect(rolledUp.some((r) => r.i === 2 && r.weighted !== null)).toBe(true);
          const fromRollup = shown(rolledUp);
          expect(fromRollup).toEqual(
            shown(await childCounts(ctx, children, instants, true, false)),
          );
          groups += fromRollup.length;
        }
    expect(groups).toBeGreaterThan(20);
  }, 120_000);

  it("rebuilt from the raw history, equals what the writers maintained, row for row", async () => {
    // Writers leave rows that summed back to zero; a rebuild writes none.
    const rows = (table: string) =>
      db.prisma.$queryRawUnsafe<{ r: string }[]>(
        `SELECT concat_ws(' ', "programmeId", ${table === "RollupDay" ? `"day"` : `"month"`},
           "supervisorId", "categoryId", "isMain", "total", "completed", "pendingClaims",
           trim_scale("weight"), trim_scale("weightedPercent"), "red", "yellow") AS "r"
         FROM "${table}" WHERE "total" <> 0 OR "completed" <> 0 OR "pendingClaims" <> 0
           OR "weight" <> 0 OR "weightedPercent" <> 0 OR "red" <> 0 OR "yellow" <> 0 ORDER BY 1`,
      );
    const nodeRows = () =>
      db.prisma.$queryRawUnsafe<{ r: string }[]>(
        `SELECT concat_ws(' ', "programmeId", "enterpriseId", "month", "total", "completed") AS "r"
         FROM "RollupNodeMonth" WHERE "total" <> 0 OR "completed" <> 0 ORDER BY 1`,
      );
    const groupRows = (table: string) =>
      db.prisma.$queryRawUnsafe<{ r: string }[]>(
        `SELECT concat_ws(' ', "programmeId", "supervisorId", "groupId",
           ${table === "RollupGroupDay" ? `"day"` : `"month"`}, "total", "completed",
           trim_scale("weight"), trim_scale("weightedPercent"), "red", "yellow") AS "r"
         FROM "${table}" WHERE "total" <> 0 OR "completed" <> 0 OR "weight" <> 0
           OR "weightedPercent" <> 0 OR "red" <> 0 OR "yellow" <> 0 ORDER BY 1`,
      );
    const indicatorRows = (table: string) =>
      db.prisma.$queryRawUnsafe<{ r: string }[]>(
        `SELECT concat_ws(' ', "programmeId", "supervisorId", "indicatorId",
           ${table === "RollupIndicatorDay" ? `"day"` : `"month"`}, "items", trim_scale("actual"),
           trim_scale("ownBaseline"), "ownBaselines", trim_scale("ownTarget"), "ownTargets") AS "r"
         FROM "${table}" WHERE "items" <> 0 OR "actual" <> 0 OR "ownBaseline" <> 0
           OR "ownBaselines" <> 0 OR "ownTarget" <> 0 OR "ownTargets" <> 0 ORDER BY 1`,
      );
    const all = async () => [
      await rows("RollupDay"),
      await rows("RollupMonth"),
      await nodeRows(),
      await groupRows("RollupGroupDay"),
      await groupRows("RollupGroupMonth"),
      await indicatorRows("RollupIndicatorDay"),
      await indicatorRows("RollupIndicatorMonth"),
    ];
    const before = await all();
    for (const table of before) expect(table.length).toBeGreaterThan(0);
    await db.prisma.$transaction((tx) => rebuildRollups(tx), { timeout: 120_000 });
    expect(await all()).toEqual(before);
  }, 120_000);
});
