/**
 * Objects that gather several enterprise trees, and parameters that name objects, seen from
 * each tree: a notice on a CRRC item and a China Telecom item shows each liaison only its part,
 * one tree's reply answers only its own items (escalation goes on for the rest), and every list
 * cursor or filter naming an object outside the caller's scope answers exactly like an unknown id.
 */
import { randomUUID } from "node:crypto";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { encodeKeysetCursor } from "@/lib/api/cursor";
import type { Actor } from "@/lib/auth/policy";
import { createApiToken } from "@/lib/auth/tokens";
import { getDashboardEndpoint } from "@/lib/dashboard/api";
import { listEnterprisesEndpoint } from "@/lib/enterprises/api";
import { listLedgerItemsEndpoint } from "@/lib/ledger/api";
import { getLedgerItem } from "@/lib/ledger/queries";
import { getNoticeEndpoint, listNoticesEndpoint, noticeGroupsEndpoint } from "@/lib/notices/api";
import { findNotice, toNotice } from "@/lib/notices/queries";
import { escalateOverdueNotices, replyNotice } from "@/lib/notices/respond";
import { listNotifications } from "@/lib/notifications/queries";
import { reviewQueueEndpoint } from "@/lib/review/api";
import { listRoundsEndpoint } from "@/lib/rounds/api";
import { seededTestDatabase, type TestDatabase } from "./setup/db";
import { actorFor, openItemOf } from "./fixtures";

let db: TestDatabase;
let liaisonCrrc: Actor;
let liaisonTelecom: Actor;
let reviewerCentral: Actor;
const tokens: Record<string, string> = {};
const at = (s: string) => new Date(`${s}+08:00`);
const USERS = ["liaison-crrc", "liaison-telecom", "reviewer-central", "reviewer-hunan"];

beforeAll(async () => {
  db = await seededTestDatabase();
  liaisonCrrc = await actorFor(db.prisma, "liaison-crrc");
  liaisonTelecom = await actorFor(db.prisma, "liaison-telecom");
  reviewerCentral = await actorFor(db.prisma, "reviewer-central");
  for (const username of USERS) {
    const user = await db.prisma.user.findUniqueOrThrow({ where: { username } });
    tokens[username] = (await createApiToken(user.id, "test")).token;
  }
});
afterAll(async () => {
  await db?.drop();
});

type Handler = (
  req: NextRequest,
  ctx: { params: Promise<Record<string, string>> },
) => Promise<Response>;

/** Strips what differs between any two requests (the request id), whatever the nesting. */
function withoutRequestId(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutRequestId);
  if (value && typeof value === "object")
    return Object.fromEntries(
      Object.entries(value)
        .filter(([k]) => k !== "requestId")
        .map(([k, v]) => [k, withoutRequestId(v)]),
    );
  if (typeof value === "string") return value.replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, "<id>");
  return value;
}

async function call(handler: Handler, as: string, path: string, params = {}) {
  const request = new NextRequest(`http://localhost/api/v1${path}`, {
    headers: { authorization: `Bearer ${tokens[as]}`, "accept-language": "en" },
  });
  const response = await handler(request, { params: Promise.resolve(params) });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON: compared as text
  }
  return { status: response.status, body: withoutRequestId(body) };
}

describe("a notice on a CRRC item and a China Telecom item", () => {
  let noticeId: string;
  let crrcItem: string;
  let telecomItem: string;

  beforeAll(async () => {
    crrcItem = (await openItemOf(db.prisma, "liaison-crrc", { skip: 5 })).id;
    telecomItem = (await openItemOf(db.prisma, "liaison-telecom", { skip: 5 })).id;
    const item = await db.prisma.ledgerItem.findUniqueOrThrow({
      where: { id: crrcItem },
      select: { programmeId: true, enterprise: { select: { supervisorId: true } } },
    });
    const notice = await db.prisma.supervisionNotice.create({
      data: {
        number: "督办-2025-9101",
        programmeId: item.programmeId,
        supervisorId: item.enterprise.supervisorId,
        issuedById: reviewerCentral.id,
        level: "BLUE",
        requiredAction: "跨集团的督办",
        responseDueAt: at("2026-12-10T00:00:00"),
        createdAt: at("2026-12-01T09:00:00"),
        items: { create: [{ ledgerItemId: crrcItem }, { ledgerItemId: telecomItem }] },
      },
    });
    noticeId = notice.id;
  });

  const view = async (actor: Actor) => toNotice((await findNotice(db.prisma, actor, noticeId))!);
  const escalationsTo = async (actor: Actor) =>
    (await listNotifications(actor, { locale: "zh-CN", limit: 200 })).filter(
      (n) => n.kind === "NOTICE_ESCALATED" && n.message.includes("督办-2025-9101"),
    ).length;

  it("shows each liaison only its own item, through the API too", async () => {
    expect((await view(liaisonCrrc)).items.map((i) => i.id)).toEqual([crrcItem]);
    expect((await view(liaisonTelecom)).items.map((i) => i.id)).toEqual([telecomItem]);
    expect((await view(reviewerCentral)).items).toHaveLength(2);
    const res = await call(getNoticeEndpoint.handler, "liaison-crrc", `/notices/${noticeId}`, {
      id: noticeId,
    });
    expect(res.status).toBe(200);
    expect(JSON.stringify(res.body)).not.toContain(telecomItem);
    const list = await call(listNoticesEndpoint.handler, "liaison-telecom", "/notices");
    expect(JSON.stringify(list.body)).not.toContain(crrcItem);
  });

  it("CRRC's reply answers CRRC's item only: Telecom's part stays open and unseen replies stay hidden", async () => {
    const after = await replyNotice(liaisonCrrc, {
      noticeId,
      input: { body: "中车已报送整改计划。" },
      locale: "zh-CN",
      now: at("2026-12-05T10:00:00"),
    });
    expect(after.status).toBe("REPLIED");
    const row = await db.prisma.supervisionNotice.findUniqueOrThrow({
      where: { id: noticeId },
      select: { status: true, items: { select: { ledgerItemId: true, repliedAt: true } } },
    });
    expect(row.status).toBe("OPEN");
    const replied = Object.fromEntries(row.items.map((i) => [i.ledgerItemId, !!i.repliedAt]));
    expect(replied).toEqual({ [crrcItem]: true, [telecomItem]: false });

    const telecomView = await view(liaisonTelecom);
    expect(telecomView.status).toBe("OPEN");
    expect(telecomView.replies).toEqual([]);
    expect(telecomView.items.map((i) => i.repliedAt)).toEqual([null]);
    // The ledger item pages say the same: each item its own answer.
    const noticeOn = async (actor: Actor, itemId: string) =>
      (await getLedgerItem(actor, itemId))!.notices.find((n) => n.id === noticeId)!.status;
    expect(await noticeOn(liaisonTelecom, telecomItem)).toBe("OPEN");
    expect(await noticeOn(liaisonCrrc, crrcItem)).toBe("REPLIED");

    expect((await view(liaisonCrrc)).replies.map((r) => r.body)).toEqual(["中车已报送整改计划。"]);
  });

  it("past the deadline the job escalates Telecom's part only; CRRC stays answered and is not told", async () => {
    const crrcBefore = await escalationsTo(liaisonCrrc);
    const telecomBefore = await escalationsTo(liaisonTelecom);
    const { escalated } = await escalateOverdueNotices(at("2026-12-10T00:00:01"));
    expect(escalated).toBeGreaterThanOrEqual(1);
    const row = await db.prisma.supervisionNotice.findUniqueOrThrow({
      where: { id: noticeId },
      select: {
        status: true,
        level: true,
        items: { select: { ledgerItemId: true, repliedAt: true } },
      },
    });
    expect(row).toMatchObject({ status: "ESCALATED", level: "YELLOW" });
    expect(row.items.find((i) => i.ledgerItemId === crrcItem)!.repliedAt).not.toBeNull();
    expect(await escalationsTo(liaisonTelecom)).toBe(telecomBefore + 1);
    expect(await escalationsTo(liaisonCrrc)).toBe(crrcBefore);
    expect((await view(liaisonCrrc)).status).toBe("REPLIED");
    expect((await view(liaisonTelecom)).status).toBe("ESCALATED");

    // Still unanswered: it escalates again at its new deadline.
    await escalateOverdueNotices(at("2026-12-17T00:00:02"));
    expect(
      (await db.prisma.supervisionNotice.findUniqueOrThrow({ where: { id: noticeId } })).level,
    ).toBe("RED");
  });

  it("once Telecom replies too, the notice is replied and stops escalating", async () => {
    await replyNotice(liaisonTelecom, {
      noticeId,
      input: { body: "中国电信已制定整改计划。" },
      locale: "zh-CN",
      now: at("2026-12-18T10:00:00"),
    });
    const row = await db.prisma.supervisionNotice.findUniqueOrThrow({ where: { id: noticeId } });
    expect(row.status).toBe("REPLIED");
    const count = row.escalationCount;
    await escalateOverdueNotices(at("2027-02-01T00:00:00"));
    expect(
      (await db.prisma.supervisionNotice.findUniqueOrThrow({ where: { id: noticeId } }))
        .escalationCount,
    ).toBe(count);
    expect((await view(liaisonTelecom)).replies.map((r) => r.body)).toEqual([
      "中国电信已制定整改计划。",
    ]);
    expect((await view(liaisonCrrc)).replies.map((r) => r.body)).toEqual(["中车已报送整改计划。"]);
    expect((await view(reviewerCentral)).replies).toHaveLength(2);
  });
});

describe("ids in cursors and filters outside the scope answer like unknown ones", () => {
  /** The same request with an out-of-scope id and with a random one: the same answer. */
  async function same(
    handler: Handler,
    as: string,
    path: (id: string) => string,
    id: string,
    params?: (id: string) => Record<string, string>,
  ) {
    const unknownId = randomUUID();
    const outside = await call(handler, as, path(id), params?.(id));
    const unknown = await call(handler, as, path(unknownId), params?.(unknownId));
    expect(outside, path(id)).toEqual(unknown);
    return outside;
  }

  it("ledger list: cursor in every sort, and every id filter", async () => {
    const telecomItem = (await openItemOf(db.prisma, "liaison-telecom")).id;
    const keys: Record<string, string> = { task: "X", enterprise: "X" };
    for (const sort of ["urgency", "colour", "dueDate", "task", "enterprise", "lastEntryAt"]) {
      // A keyset cursor (order, segment, key, id) well formed but for a row outside the scope.
      const key = keys[sort] ?? (sort === "lastEntryAt" ? "2026-01-01 00:00:00" : "2026-01-01");
      const cursor = (id: string) =>
        encodeKeysetCursor({ order: `${sort}:asc`, segment: 0, key, id });
      for (const path of [
        (id: string) => `/ledger?sort=${sort}&cursor=${id}`,
        (id: string) => `/ledger?sort=${sort}&cursor=${cursor(id)}`,
      ]) {
        const res = await same(listLedgerItemsEndpoint.handler, "liaison-crrc", path, telecomItem);
        expect(res.status).toBe(400);
      }
    }
    const telecom = await db.prisma.enterprise.findFirstOrThrow({
      where: { code: "TELECOM" },
      select: { id: true, supervisorId: true },
    });
    const hunan = await db.prisma.supervisor.findFirstOrThrow({ where: { code: "SASAC-HN" } });
    const filters: [string, string][] = [
      ["enterpriseId", telecom.id],
      ["supervisorId", hunan.id],
    ];
    for (const [key, value] of filters)
      await same(
        listLedgerItemsEndpoint.handler,
        "liaison-crrc",
        (id) => `/ledger?${key}=${id}`,
        value,
      );
    for (const [key, value] of filters)
      await same(
        listLedgerItemsEndpoint.handler,
        "liaison-crrc",
        (id) => `/ledger?${key}=${id}&asOf=2026-06-30`,
        value,
      );
  });

  it("review queue: cursor and enterprise filter", async () => {
    const central = await db.prisma.progressEntry.findFirstOrThrow({
      where: { ledgerItem: { enterprise: { supervisor: { code: "SASAC-SC" } } } },
      select: { id: true },
    });
    const res = await same(
      reviewQueueEndpoint.handler,
      "reviewer-hunan",
      (id) => `/review-queue?cursor=${id}`,
      central.id,
    );
    expect(res.status).toBe(400);
    const crrc = await db.prisma.enterprise.findFirstOrThrow({ where: { code: "CRRC" } });
    await same(
      reviewQueueEndpoint.handler,
      "reviewer-hunan",
      (id) => `/review-queue?enterpriseId=${id}`,
      crrc.id,
    );
  });

  it("enterprises: cursor, parent and supervisor filters", async () => {
    const telecom = await db.prisma.enterprise.findFirstOrThrow({ where: { code: "TELECOM" } });
    const hunan = await db.prisma.supervisor.findFirstOrThrow({ where: { code: "SASAC-HN" } });
    const res = await same(
      listEnterprisesEndpoint.handler,
      "liaison-crrc",
      (id) => `/enterprises?cursor=${id}`,
      telecom.id,
    );
    expect(res.status).toBe(400);
    await same(
      listEnterprisesEndpoint.handler,
      "liaison-crrc",
      (id) => `/enterprises?q=a&cursor=${id}`,
      telecom.id,
    );
    await same(
      listEnterprisesEndpoint.handler,
      "liaison-crrc",
      (id) => `/enterprises?parentId=${id}`,
      telecom.id,
    );
    await same(
      listEnterprisesEndpoint.handler,
      "reviewer-central",
      (id) => `/enterprises?supervisorId=${id}`,
      hunan.id,
    );
  });

  it("rounds: the cursor carries its sort values; one that is not a day and a uuid is a 400, never a 500", async () => {
    const bad = await call(
      listRoundsEndpoint.handler,
      "liaison-crrc",
      `/rounds?cursor=2026-02-30~${randomUUID()}`,
    );
    expect(bad.status).toBe(400);
    const dashes = await call(
      listRoundsEndpoint.handler,
      "liaison-crrc",
      `/rounds?cursor=2026-02-01~${"-".repeat(36)}`,
    );
    expect(dashes).toEqual(bad);
    const fine = await call(
      listRoundsEndpoint.handler,
      "liaison-crrc",
      `/rounds?cursor=2026-02-01~${randomUUID()}`,
    );
    expect(fine.status).toBe(200);
  });

  it("dashboard node filters and the notice groups' item ids", async () => {
    const crrc = await db.prisma.enterprise.findFirstOrThrow({ where: { code: "CRRC" } });
    const central = await db.prisma.supervisor.findFirstOrThrow({ where: { code: "SASAC-SC" } });
    await same(
      getDashboardEndpoint.handler,
      "reviewer-hunan",
      (id) => `/dashboard?enterpriseId=${id}`,
      crrc.id,
    );
    await same(
      getDashboardEndpoint.handler,
      "reviewer-hunan",
      (id) => `/dashboard?supervisorId=${id}`,
      central.id,
    );
    const crrcItem = (await openItemOf(db.prisma, "liaison-crrc")).id;
    await same(
      noticeGroupsEndpoint.handler,
      "reviewer-hunan",
      (id) => `/notices/groups?itemIds=${id}`,
      crrcItem,
    );
    await same(
      getNoticeEndpoint.handler,
      "reviewer-hunan",
      (id) => `/notices/${id}`,
      (
        await db.prisma.noticeItem.findFirstOrThrow({
          where: { ledgerItem: { enterprise: { supervisor: { code: "SASAC-SC" } } } },
        })
      ).noticeId,
      (id) => ({ id }),
    );
  });
});
