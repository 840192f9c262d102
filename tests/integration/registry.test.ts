/**
 * The enterprise registry through its API handlers and history writers: registering with a
 * checked, unique credit code; renames keeping former names; moves keeping the closure table and
 * its spans exact and refusing cycles; merges moving ledger items with their history, keeping
 * past figures and summing roll-ups; the closed-round guard; an administrator of Hunan kept off
 * the State Council SASAC's enterprises.
 */
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openApiDocument } from "@/lib/api/openapi";
import type { Actor } from "@/lib/auth/policy";
import { createApiToken } from "@/lib/auth/tokens";
import { mainTaskCounts } from "@/lib/dashboard/completion";
import { withCheckCharacter } from "@/lib/enterprises/credit-code";
import {
  createEnterpriseEndpoint,
  getEnterpriseEndpoint,
  listEnterprisesEndpoint,
  mergeEnterpriseEndpoint,
  mergePreviewEndpoint,
  moveEnterpriseEndpoint,
  updateEnterpriseEndpoint,
} from "@/lib/enterprises/api";
import { mergeEnterprises } from "@/lib/history/merge-enterprises";
import { moveEnterprise } from "@/lib/history/move-enterprise";
import { reclassifyTask } from "@/lib/history/reclassify-task";
import { setItemNotApplicable } from "@/lib/history/set-item-not-applicable";
import { addDays, endOfChinaDay, isoDay } from "@/lib/time";
import { actorFor, failure } from "./fixtures";
import { seededTestDatabase, type TestDatabase } from "./setup/db";

let db: TestDatabase;
let admin: Actor;
const tokens: Record<string, string> = {};
let programmeId: string;
let hn: { id: string };

beforeAll(async () => {
  db = await seededTestDatabase();
  admin = await actorFor(db.prisma, "admin");
  for (const username of ["admin", "admin-hunan"]) {
    const user = await db.prisma.user.findUniqueOrThrow({ where: { username } });
    tokens[username] = (await createApiToken(user.id, "test")).token;
  }
  programmeId = (await db.prisma.programme.findUniqueOrThrow({ where: { code: "SDU-2023" } })).id;
  hn = await db.prisma.supervisor.findUniqueOrThrow({ where: { code: "SASAC-HN" } });
});
afterAll(async () => {
  await db?.drop();
});

type Handler = (
  req: NextRequest,
  ctx: { params: Promise<Record<string, string>> },
) => Promise<Response>;

async function call(
  handler: Handler,
  options: {
    as: string;
    method?: string;
    path?: string;
    params?: Record<string, string>;
    body?: unknown;
  },
) {
  const headers: Record<string, string> = {
    "accept-language": "zh-CN",
    authorization: `Bearer ${tokens[options.as]}`,
  };
  if (options.body !== undefined) headers["content-type"] = "application/json";
  const request = new NextRequest(`http://localhost/api/v1${options.path ?? "/enterprises"}`, {
    method: options.method ?? (options.body !== undefined ? "POST" : "GET"),
    headers,
    body: options.body !== undefined ? JSON.stringify(options.body) : undefined,
  });
  const response = await handler(request, { params: Promise.resolve(options.params ?? {}) });
  return { status: response.status, json: (await response.json()) as Record<string, any> }; // eslint-disable-line @typescript-eslint/no-explicit-any
}

const byCode = (code: string) => db.prisma.enterprise.findUniqueOrThrow({ where: { code } });

/** A fresh valid credit code (Hunan division 430100) no enterprise has. */
let serial = 0;
const newCreditCode = () =>
  withCheckCharacter(`91430100MA${String(Date.now() % 1e6).padStart(6, "0")}${serial++ % 10}`);

/** The closure table and its open spans against the closure recomputed from parentId. */
async function closureMismatches() {
  const [row] = await db.prisma.$queryRaw<{ closure: number; spans: number }[]>`
    WITH RECURSIVE rec("ancestorId", "descendantId", "depth") AS (
      SELECT "id", "id", 0 FROM "Enterprise"
      UNION ALL
      SELECT e."parentId", rec."descendantId", rec."depth" + 1
      FROM rec JOIN "Enterprise" e ON e."id" = rec."ancestorId" WHERE e."parentId" IS NOT NULL
    ), closure AS (
      SELECT "ancestorId", "descendantId", "depth" FROM "EnterpriseClosure"
    ), spans AS (
      SELECT "ancestorId", "descendantId", "depth" FROM "EnterpriseClosureSpan" WHERE "validTo" IS NULL
    )
    SELECT (SELECT count(*) FROM ((SELECT * FROM closure EXCEPT SELECT * FROM rec)
                                  UNION ALL (SELECT * FROM rec EXCEPT SELECT * FROM closure)) x)::int AS "closure",
           (SELECT count(*) FROM ((SELECT * FROM spans EXCEPT SELECT * FROM rec)
                                  UNION ALL (SELECT * FROM rec EXCEPT SELECT * FROM spans)) y)::int AS "spans"`;
  return row;
}

/** depth and rootId as the closure implies them, for every enterprise. */
async function denormalisedMismatches() {
  const [row] = await db.prisma.$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS "n" FROM "Enterprise" e
    JOIN (SELECT "descendantId", max("depth") AS "depth",
                 (array_agg("ancestorId" ORDER BY "depth" DESC))[1] AS "top"
          FROM "EnterpriseClosure" GROUP BY "descendantId") x ON x."descendantId" = e."id"
    WHERE e."depth" <> x."depth" OR e."rootId" IS DISTINCT FROM NULLIF(x."top", e."id")`;
  return row!.n;
}

describe("registering enterprises", () => {
  it("refuses a bad or taken credit code with a field message, then registers with closure, spans and audit", async () => {
    const group = await byCode("HN-XINGXIANG");
    const body = {
      code: "hn-xingxiang-new",
      nameZh: "湖南兴湘新材料有限公司",
      nameEn: "Hunan Xingxiang New Materials Co., Ltd.",
      parentId: group.id,
      region: "HN",
      functionalClass: "COMMERCIAL_COMPETITIVE",
    };
    const bad = await call(createEnterpriseEndpoint.handler, {
      as: "admin",
      body: { ...body, creditCode: "91430100MA4L0000X1" },
    });
    expect(bad.status).toBe(422);
    expect(bad.json.error.fields.creditCode).toMatch(/统一社会信用代码无效/);

    const taken = await call(createEnterpriseEndpoint.handler, {
      as: "admin",
      body: { ...body, creditCode: group.creditCode },
    });
    expect(taken.status).toBe(422);
    expect(taken.json.error.fields.creditCode).toMatch(/已被其他企业使用/);

    const creditCode = newCreditCode();
    const created = await call(createEnterpriseEndpoint.handler, {
      as: "admin-hunan",
      body: { ...body, creditCode: ` ${creditCode.toLowerCase()} ` },
    });
    expect(created.status).toBe(201);
    const row = await db.prisma.enterprise.findUniqueOrThrow({ where: { id: created.json.id } });
    expect(row).toMatchObject({
      code: "HN-XINGXIANG-NEW",
      creditCode,
      parentId: group.id,
      rootId: group.id,
      depth: 1,
      supervisorId: hn.id,
    });
    const closure = await db.prisma.enterpriseClosure.findMany({ where: { descendantId: row.id } });
    expect(closure.map((c) => [c.ancestorId, c.depth]).sort()).toEqual(
      [
        [row.id, 0],
        [group.id, 1],
      ].sort(),
    );
    expect(
      await db.prisma.enterpriseClosureSpan.count({
        where: { descendantId: row.id, validTo: null },
      }),
    ).toBe(2);
    expect(
      await db.prisma.enterpriseSupervisorSpan.count({ where: { enterpriseId: row.id } }),
    ).toBe(1);
    expect(
      await db.prisma.auditLog.count({
        where: { entityType: "Enterprise", entityId: row.id, action: "enterprise.create" },
      }),
    ).toBe(1);
    // The same code again is a field message too.
    const again = await call(createEnterpriseEndpoint.handler, {
      as: "admin",
      body: { ...body, creditCode: newCreditCode() },
    });
    expect(again.status).toBe(422);
    expect(again.json.error.fields.code).toBeTruthy();
    expect(await closureMismatches()).toEqual({ closure: 0, spans: 0 });
  });
});

describe("renaming", () => {
  it("keeps the former name with its dates, shows it on the enterprise and finds it by search", async () => {
    const e = await byCode("HN-CONSTR-ROAD");
    const renamed = await call(updateEnterpriseEndpoint.handler, {
      as: "admin-hunan",
      method: "PATCH",
      path: `/enterprises/${e.id}`,
      params: { id: e.id },
      body: {
        nameZh: "湖南路桥新名称集团有限公司",
        nameEn: "Hunan Road New Name",
        version: e.version,
      },
    });
    expect(renamed.status).toBe(200);
    expect(renamed.json.version).toBe(e.version + 1);
    const stale = await call(updateEnterpriseEndpoint.handler, {
      as: "admin-hunan",
      method: "PATCH",
      params: { id: e.id },
      body: { sortOrder: 5, version: e.version },
    });
    expect(stale.status).toBe(409);

    const detail = await call(getEnterpriseEndpoint.handler, { as: "admin", params: { id: e.id } });
    expect(detail.json.nameZh).toBe("湖南路桥新名称集团有限公司");
    expect(detail.json.formerNames).toEqual([
      expect.objectContaining({ nameZh: e.nameZh, nameEn: e.nameEn }),
    ]);
    expect(new Date(detail.json.formerNames[0].validFrom).getTime()).toBe(e.createdAt.getTime());

    const found = await call(listEnterprisesEndpoint.handler, {
      as: "admin",
      path: `/enterprises?q=${encodeURIComponent(e.nameZh)}`,
    });
    expect(found.json.items.map((i: { id: string }) => i.id)).toContain(e.id);
    expect(
      await db.prisma.auditLog.count({ where: { entityId: e.id, action: "enterprise.rename" } }),
    ).toBe(1);
  });
});

describe("moving a subtree", () => {
  it("rewrites the closure exactly, closes and opens spans, and refuses cycles", async () => {
    const valin = await byCode("HN-VALIN");
    const steel = await byCode("HN-VALIN-STEEL");
    const xt = await byCode("HN-VALIN-XT");
    const cycle = await call(moveEnterpriseEndpoint.handler, {
      as: "admin",
      params: { id: valin.id },
      body: { parentId: xt.id, version: valin.version },
    });
    expect(cycle.status).toBe(422);
    expect(cycle.json.error.fields.parentId).toMatch(/循环/);

    const target = await byCode("HN-CONSTR");
    const subtree = await db.prisma.enterpriseClosure.count({ where: { ancestorId: steel.id } });
    expect(subtree).toBeGreaterThan(1);
    const moved = await call(moveEnterpriseEndpoint.handler, {
      as: "admin-hunan",
      params: { id: steel.id },
      body: { parentId: target.id, version: steel.version },
    });
    expect(moved.status).toBe(200);
    expect(moved.json).toMatchObject({ subtree, moved: true });
    expect(await closureMismatches()).toEqual({ closure: 0, spans: 0 });
    expect(await denormalisedMismatches()).toBe(0);
    // The old ancestor's pairs with the subtree are closed; the new parent's are open.
    const spans = await db.prisma.enterpriseClosureSpan.findMany({
      where: { descendantId: xt.id, ancestorId: { in: [valin.id, target.id] } },
    });
    expect(spans.find((s) => s.ancestorId === valin.id)?.validTo).toBeInstanceOf(Date);
    expect(spans.find((s) => s.ancestorId === target.id)).toMatchObject({
      validTo: null,
      depth: 2,
    });
    // A stale version is a conflict.
    const stale = await call(moveEnterpriseEndpoint.handler, {
      as: "admin",
      params: { id: steel.id },
      body: { parentId: valin.id, version: steel.version },
    });
    expect(stale.status).toBe(409);
  });
});

describe("merging two enterprises", () => {
  it("moves items with their history, keeps past figures and sums the roll-ups", async () => {
    const absorbed = await byCode("HN-VALIN-STEEL");
    const survivor = await byCode("HN-XINGXIANG");
    const formerGroup = absorbed.rootId!;
    expect(formerGroup).not.toBe(survivor.id);
    const children = await db.prisma.enterprise.findMany({ where: { parentId: absorbed.id } });
    expect(children.length).toBeGreaterThan(0);
    const items = await db.prisma.ledgerItem.findMany({
      where: { enterpriseId: absorbed.id },
      select: {
        id: true,
        taskId: true,
        programmeId: true,
        isMain: true,
        notApplicable: true,
        completedAt: true,
        _count: { select: { entries: true, statusEvents: true } },
      },
    });
    expect(items.length).toBeGreaterThan(0);
    const survivorTasks = new Set(
      (
        await db.prisma.ledgerItem.findMany({
          where: { enterpriseId: survivor.id },
          select: { taskId: true },
        })
      ).map((i) => i.taskId),
    );
    const duplicates = items.filter((i) => survivorTasks.has(i.taskId));
    const movers = items.filter((i) => !survivorTasks.has(i.taskId));
    expect(movers.length).toBeGreaterThan(0);
    expect(duplicates.length).toBeGreaterThan(0);
    // A liaison-style grant on the absorbed enterprise passes to the survivor.
    const grantee = await db.prisma.user.findUniqueOrThrow({ where: { username: "manager" } });
    await db.prisma.userScope.create({ data: { userId: grantee.id, enterpriseId: absorbed.id } });

    const round = await db.prisma.reportingRound.findFirstOrThrow({
      where: { programmeId, status: "CLOSED" },
      orderBy: { periodEnd: "desc" },
    });
    const PAST = endOfChinaDay(round.periodEnd);
    // Just now: after the move above, before the merge below.
    const T0 = new Date();
    const nodes = [
      { enterpriseId: survivor.id },
      { enterpriseId: formerGroup },
      { enterpriseId: absorbed.id },
      { supervisorId: hn.id },
      {},
    ];
    const figures = async (at: Date) => {
      const out = [];
      for (const node of nodes)
        out.push((await mainTaskCounts(admin, { programmeId, asOf: [at], ...node }))[0]!);
      return out;
    };
    const before = { past: await figures(PAST), now: await figures(T0) };

    const preview = await call(mergePreviewEndpoint.handler, {
      as: "admin-hunan",
      path: `/enterprises/${absorbed.id}/merge?survivorId=${survivor.id}`,
      params: { id: absorbed.id },
    });
    expect(preview.json).toMatchObject({
      movedItems: movers.length,
      notApplicableItems: duplicates.length,
      movedChildren: children.length,
      movedGrants: 1,
    });
    const merged = await call(mergeEnterpriseEndpoint.handler, {
      as: "admin-hunan",
      params: { id: absorbed.id },
      body: { survivorId: survivor.id, version: absorbed.version },
    });
    expect(merged.status).toBe(200);
    expect(merged.json).toMatchObject({
      movedItems: movers.length,
      notApplicableItems: duplicates.length,
    });
    const T1 = new Date();

    // Items and their history moved, traceable to where they came from.
    const after = await db.prisma.ledgerItem.findMany({
      where: { id: { in: items.map((i) => i.id) } },
      select: {
        id: true,
        enterpriseId: true,
        notApplicable: true,
        notApplicableReason: true,
        _count: { select: { entries: true, statusEvents: true } },
      },
    });
    for (const item of after) {
      const was = items.find((i) => i.id === item.id)!;
      expect(item._count).toEqual(was._count);
      if (survivorTasks.has(was.taskId)) {
        expect(item.enterpriseId).toBe(absorbed.id);
        expect(item.notApplicable).toBe(true);
        if (!was.notApplicable) expect(item.notApplicableReason).toContain(survivor.code);
      } else {
        expect(item.enterpriseId).toBe(survivor.id);
      }
    }
    const former = await db.prisma.ledgerItemFormerEnterprise.findMany({
      where: { mergeId: merged.json.mergeId },
    });
    expect(former.map((f) => f.ledgerItemId).sort()).toEqual(movers.map((i) => i.id).sort());
    expect(new Set(former.map((f) => f.enterpriseId))).toEqual(new Set([absorbed.id]));

    // The absorbed enterprise: inactive, merged; its children under the survivor; grants passed.
    const gone = await db.prisma.enterprise.findUniqueOrThrow({ where: { id: absorbed.id } });
    expect(gone).toMatchObject({ active: false, mergedIntoId: survivor.id });
    for (const child of children) {
      const now = await db.prisma.enterprise.findUniqueOrThrow({ where: { id: child.id } });
      expect(now).toMatchObject({ parentId: survivor.id, rootId: survivor.id, depth: 1 });
    }
    expect(
      await db.prisma.userScope.count({ where: { userId: grantee.id, enterpriseId: survivor.id } }),
    ).toBe(1);
    expect(await db.prisma.userScope.count({ where: { enterpriseId: absorbed.id } })).toBe(0);
    expect(await closureMismatches()).toEqual({ closure: 0, spans: 0 });
    expect(await denormalisedMismatches()).toBe(0);

    // Past figures unchanged, for every node.
    expect(await figures(PAST)).toEqual(before.past);
    expect(await figures(T0)).toEqual(before.now);
    // Now: the survivor's tree holds both trees' counts, less the duplicates that stopped counting.
    const dropped = duplicates.filter(
      (i) => i.programmeId === programmeId && i.isMain && !i.notApplicable,
    );
    const droppedDone = dropped.filter((i) => i.completedAt && i.completedAt <= T1).length;
    const [sNow, gNow, aNow, supNow, allNow] = await figures(T1);
    const [sBefore, gBefore, aBefore, supBefore, allBefore] = before.now;
    expect(sNow).toEqual({
      total: sBefore!.total + aBefore!.total - dropped.length,
      completed: sBefore!.completed + aBefore!.completed - droppedDone,
    });
    expect(gNow).toEqual({
      total: gBefore!.total - aBefore!.total,
      completed: gBefore!.completed - aBefore!.completed,
    });
    expect(aNow).toEqual({ total: 0, completed: 0 });
    expect(supNow!.total).toBe(supBefore!.total - dropped.length);
    expect(allNow!.total).toBe(allBefore!.total - dropped.length);

    // The enterprise page tells where it went; the survivor lists it.
    const detail = await call(getEnterpriseEndpoint.handler, {
      as: "admin",
      params: { id: absorbed.id },
    });
    expect(detail.json.mergedInto).toMatchObject({ id: survivor.id, nameZh: survivor.nameZh });
    const survivorDetail = await call(getEnterpriseEndpoint.handler, {
      as: "admin",
      params: { id: survivor.id },
    });
    expect(survivorDetail.json.absorbed.map((a: { id: string }) => a.id)).toContain(absorbed.id);
    // A second merge of the same enterprise is refused.
    const twice = await call(mergeEnterpriseEndpoint.handler, {
      as: "admin",
      params: { id: absorbed.id },
      body: { survivorId: survivor.id, version: gone.version },
    });
    expect(twice.status).toBe(422);
  });
});

describe("the closed-round guard", () => {
  it("refuses every history writer dated on or before a closed round's period end", async () => {
    const round = await db.prisma.reportingRound.findFirstOrThrow({
      where: { programmeId, status: "CLOSED" },
      orderBy: { periodEnd: "desc" },
    });
    const within = endOfChinaDay(round.periodEnd);
    const item = await db.prisma.ledgerItem.findFirstOrThrow({
      where: {
        programmeId,
        notApplicable: false,
        // An active subsidiary (a group "moved" to the top would not move at all).
        enterprise: { supervisorId: hn.id, mergedIntoId: null, parentId: { not: null } },
      },
      orderBy: { id: "asc" },
    });
    const run = <T>(f: (tx: Parameters<Parameters<typeof db.prisma.$transaction>[0]>[0]) => T) =>
      db.prisma.$transaction(async (tx) => f(tx));
    const na = await failure(
      run((tx) =>
        setItemNotApplicable(tx, { itemId: item.id, reason: "x", at: within, actor: admin }),
      ),
    );
    expect(na.status).toBe(422);
    expect(na.fields?._form).toContain(round.period);
    expect(na.details).toMatchObject({ closedRound: { period: round.period } });
    const task = await db.prisma.task.findUniqueOrThrow({ where: { id: item.taskId } });
    expect(
      (
        await failure(
          run((tx) =>
            reclassifyTask(tx, { taskId: task.id, isMain: !task.isMain, at: within, actor: admin }),
          ),
        )
      ).status,
    ).toBe(422);
    const e = await db.prisma.enterprise.findUniqueOrThrow({ where: { id: item.enterpriseId } });
    expect(
      (
        await failure(
          run((tx) =>
            moveEnterprise(tx, { enterpriseId: e.id, parentId: null, at: within, actor: admin }),
          ),
        )
      ).status,
    ).toBe(422);
    const other = await byCode("HN-CONSTR");
    expect(
      (
        await failure(
          run((tx) =>
            mergeEnterprises(tx, {
              survivorId: other.id,
              absorbedId: e.id,
              at: within,
              actor: admin,
            }),
          ),
        )
      ).status,
    ).toBe(422);
    // Through the API, an effective day on the period end is refused with the round named.
    const api = await call(moveEnterpriseEndpoint.handler, {
      as: "admin",
      params: { id: e.id },
      body: { parentId: null, version: e.version, effectiveOn: isoDay(round.periodEnd) },
    });
    expect(api.status).toBe(422);
    // The newest closed round of any programme of the subtree is named (here possibly the live one).
    expect(api.json.error.fields._form).toMatch(/已关闭报送轮次.*\d{4}-\d{2}-\d{2}/);
    // The next day is allowed by the guard (the writer still needs history to allow it).
    const nextDay = addDays(round.periodEnd, 1);
    expect(nextDay.getTime()).toBeGreaterThan(round.periodEnd.getTime());
    // Nothing was written by the refused attempts.
    expect(await db.prisma.enterpriseMerge.count({ where: { absorbedId: e.id } })).toBe(0);
  });
});

describe("an administrator of another supervisor", () => {
  it("gets 404 on CRRC outside its scope and 403 where it may only read", async () => {
    const crrc = await byCode("CRRC");
    const zelc = await byCode("CRRC-ZELC");
    const steelLike = await byCode("HN-CONSTR-ROAD");
    const patch = await call(updateEnterpriseEndpoint.handler, {
      as: "admin-hunan",
      method: "PATCH",
      params: { id: crrc.id },
      body: { sortOrder: 3, version: crrc.version },
    });
    expect(patch.status).toBe(404);
    const move = await call(moveEnterpriseEndpoint.handler, {
      as: "admin-hunan",
      params: { id: crrc.id },
      body: { parentId: null, version: crrc.version },
    });
    expect(move.status).toBe(404);
    // Under a CRRC node it cannot see: unknown parent.
    const under = await call(moveEnterpriseEndpoint.handler, {
      as: "admin-hunan",
      params: { id: steelLike.id },
      body: { parentId: zelc.id, version: steelLike.version },
    });
    expect(under.status).toBe(422);
    // A group of the State Council SASAC: not theirs to create.
    const sc = await db.prisma.supervisor.findUniqueOrThrow({ where: { code: "SASAC-SC" } });
    const create = await call(createEnterpriseEndpoint.handler, {
      as: "admin-hunan",
      body: { code: "SC-NEW", nameZh: "新央企", nameEn: "New central", supervisorId: sc.id },
    });
    expect(create.status).toBe(403);
    // Read access to a CRRC subsidiary does not make it theirs: 403.
    const user = await db.prisma.user.findUniqueOrThrow({ where: { username: "admin-hunan" } });
    await db.prisma.userScope.create({ data: { userId: user.id, enterpriseId: zelc.id } });
    const visible = await call(updateEnterpriseEndpoint.handler, {
      as: "admin-hunan",
      method: "PATCH",
      params: { id: zelc.id },
      body: { sortOrder: 3, version: zelc.version },
    });
    expect(visible.status).toBe(403);
    const merge = await call(mergeEnterpriseEndpoint.handler, {
      as: "admin-hunan",
      params: { id: steelLike.id },
      body: { survivorId: zelc.id, version: steelLike.version },
    });
    expect(merge.status).toBe(403);
    const toCentral = await call(moveEnterpriseEndpoint.handler, {
      as: "admin-hunan",
      params: { id: steelLike.id },
      body: { parentId: null, supervisorId: sc.id, version: steelLike.version },
    });
    expect(toCentral.status).toBe(403);
  });

  it("documents the new endpoints", () => {
    const doc = openApiDocument() as { paths: Record<string, Record<string, unknown>> };
    expect(Object.keys(doc.paths["/enterprises"]!)).toContain("post");
    expect(Object.keys(doc.paths["/enterprises/{id}"]!)).toContain("patch");
    expect(Object.keys(doc.paths["/enterprises/{id}/move"]!)).toContain("post");
    expect(Object.keys(doc.paths["/enterprises/{id}/merge"]!).sort()).toEqual(["get", "post"]);
  });
});
