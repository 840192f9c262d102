/**
 * Daily work on notices and rounds, on a moved clock: one notice per enterprise group, older
 * multi-group notices safe across groups (items, replies, status), the round list's shares and
 * pages, "not filed" after the window and 一键催报 once a day.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/policy";
import { issueNotice } from "@/lib/notices/issue-notice";
import { findNotice, toNotice } from "@/lib/notices/queries";
import { replyNotice } from "@/lib/notices/respond";
import { listNotifications } from "@/lib/notifications/queries";
import { openRound } from "@/lib/rounds/open-round";
import { listRounds, roundFilingStatus } from "@/lib/rounds/queries";
import { remindLateUnits } from "@/lib/rounds/remind-late";
import { seededTestDatabase, type TestDatabase } from "./setup/db";
import { actorFor, failure, openItemOf } from "./fixtures";

let db: TestDatabase;
let admin: Actor;
let liaisonCrrc: Actor;
let liaisonTelecom: Actor;
let reviewerCentral: Actor;
const at = (s: string) => new Date(`${s}+08:00`);

beforeAll(async () => {
  db = await seededTestDatabase();
  admin = await actorFor(db.prisma, "admin");
  liaisonCrrc = await actorFor(db.prisma, "liaison-crrc");
  liaisonTelecom = await actorFor(db.prisma, "liaison-telecom");
  reviewerCentral = await actorFor(db.prisma, "reviewer-central");
});
afterAll(async () => {
  await db?.drop();
});

const messagesOf = async (actor: Actor, kind: string) =>
  (await listNotifications(actor, { locale: "zh-CN", limit: 200 }))
    .filter((n) => n.kind === kind)
    .map((n) => n.message);

describe("one notice per enterprise group", () => {
  it("items of CRRC and China Telecom make two numbered notices, each told to its own group", async () => {
    const crrc = await openItemOf(db.prisma, "liaison-crrc", { skip: 3 });
    const telecom = await openItemOf(db.prisma, "liaison-telecom", { skip: 3 });
    const { notices } = await issueNotice(reviewerCentral, {
      input: {
        itemIds: [crrc.id, telecom.id],
        level: "YELLOW",
        requiredAction: "请说明滞后原因并报送整改计划。",
        responseDueOn: "2026-12-15",
      },
      locale: "zh-CN",
      now: at("2026-12-01T09:00:00"),
    });
    expect(notices).toHaveLength(2);
    expect(notices.map((n) => n.items.map((i) => i.id))).toEqual([[crrc.id], [telecom.id]]);
    const [a, b] = notices.map((n) => Number(n.number.slice(-4)));
    expect(b).toBe(a! + 1);
    const crrcMessages = await messagesOf(liaisonCrrc, "NOTICE_ISSUED");
    expect(crrcMessages.some((m) => m.includes(notices[0]!.number))).toBe(true);
    expect(crrcMessages.some((m) => m.includes(notices[1]!.number))).toBe(false);
    // The deadline reads as on the page: the chosen day, until 24:00.
    expect(crrcMessages.find((m) => m.includes(notices[0]!.number))).toContain(
      "回复期限：2026年12月15日 24:00 前",
    );
    // The title's number appears once in the notification.
    expect(crrcMessages.find((m) => m.includes(notices[0]!.number))!.match(/督办/g)).toHaveLength(
      1,
    );
    // And in the e-mail text, the same words.
    const mail = await db.prisma.emailOutbox.findFirst({
      where: { body: { contains: notices[0]!.number } },
      select: { body: true },
    });
    if (mail) expect(mail.body).toContain("2026年12月15日 24:00 前");
  });
});

describe("an older notice spanning two groups", () => {
  let noticeId: string;

  beforeAll(async () => {
    const crrc = await openItemOf(db.prisma, "liaison-crrc", { skip: 4 });
    const telecom = await openItemOf(db.prisma, "liaison-telecom", { skip: 4 });
    const item = await db.prisma.ledgerItem.findUniqueOrThrow({
      where: { id: crrc.id },
      select: { programmeId: true, enterprise: { select: { supervisorId: true } } },
    });
    const notice = await db.prisma.supervisionNotice.create({
      data: {
        number: "督办-2025-9001",
        programmeId: item.programmeId,
        supervisorId: item.enterprise.supervisorId,
        issuedById: reviewerCentral.id,
        level: "RED",
        requiredAction: "跨集团的旧督办",
        responseDueAt: at("2026-12-20T00:00:00"),
        items: { create: [{ ledgerItemId: crrc.id }, { ledgerItemId: telecom.id }] },
      },
    });
    noticeId = notice.id;
  });

  const view = async (actor: Actor) => toNotice((await findNotice(db.prisma, actor, noticeId))!);

  it("each liaison sees only its own group's item", async () => {
    const crrcView = await view(liaisonCrrc);
    const telecomView = await view(liaisonTelecom);
    expect(crrcView.partial).toBe(true);
    expect(crrcView.items).toHaveLength(1);
    expect(telecomView.items).toHaveLength(1);
    expect(crrcView.items[0]!.id).not.toBe(telecomView.items[0]!.id);
    expect((await view(reviewerCentral)).items).toHaveLength(2);
  });

  it("a reply answers for its own group only; the notice is replied when both have", async () => {
    const now = at("2026-12-02T10:00:00");
    const telecomReply = "中国电信已制定整改计划。";
    const after = await replyNotice(liaisonTelecom, {
      noticeId,
      input: { body: telecomReply },
      locale: "zh-CN",
      now,
    });
    expect(after.status).toBe("REPLIED");
    const crrcView = await view(liaisonCrrc);
    expect(crrcView.status).toBe("OPEN");
    expect(crrcView.replies).toEqual([]);
    expect(
      (await db.prisma.supervisionNotice.findUniqueOrThrow({ where: { id: noticeId } })).status,
    ).toBe("OPEN");

    await replyNotice(liaisonCrrc, {
      noticeId,
      input: { body: "中车已完成原因分析。" },
      locale: "zh-CN",
      now: at("2026-12-02T11:00:00"),
    });
    expect((await view(liaisonCrrc)).replies.map((r) => r.body)).toEqual(["中车已完成原因分析。"]);
    expect((await view(reviewerCentral)).replies).toHaveLength(2);
    expect(
      (await db.prisma.supervisionNotice.findUniqueOrThrow({ where: { id: noticeId } })).status,
    ).toBe("REPLIED");
  });
});

describe("rounds after the window", () => {
  let roundId: string;

  it("a unit that never filed is pending until the window closes, then not filed", async () => {
    const programme = await db.prisma.programme.findUniqueOrThrow({
      where: { code: "SDU-2023" },
      select: { id: true },
    });
    const round = await openRound(admin, {
      input: {
        programmeId: programme.id,
        period: "2027-01",
        windowOpensOn: "2027-02-01",
        windowClosesOn: "2027-02-10",
      },
      locale: "zh-CN",
      now: at("2027-01-20T10:00:00"),
    });
    roundId = round.id;
    const before = (await roundFilingStatus(liaisonCrrc, roundId, at("2027-02-10T23:59:00")))!;
    expect(before.enterprises.length).toBeGreaterThan(0);
    expect(new Set(before.enterprises.map((e) => e.state))).toEqual(new Set(["pending"]));
    const afterClose = (await roundFilingStatus(liaisonCrrc, roundId, at("2027-02-11T00:00:00")))!;
    expect(new Set(afterClose.enterprises.map((e) => e.state))).toEqual(new Set(["notFiled"]));
  });

  it("一键催报: not before the window closes, then once a day with its time", async () => {
    const early = await failure(
      remindLateUnits(admin, { roundId, now: at("2027-02-05T10:00:00") }),
    );
    expect(early.fields?._form).toBe("roundWindowOpen");
    expect(
      (await failure(remindLateUnits(reviewerCentral, { roundId, now: at("2027-02-11T09:00:00") })))
        .status,
    ).toBe(403);

    const count = () =>
      db.prisma.notification.count({
        where: { kind: "ROUND_LATE", params: { path: ["roundId"], equals: roundId } },
      });
    const first = await remindLateUnits(admin, { roundId, now: at("2027-02-11T09:00:00") });
    expect(first.already).toBe(false);
    expect(first.units).toBeGreaterThan(0);
    expect(first.users).toBeGreaterThan(0);
    const sent = await count();
    expect(sent).toBeGreaterThanOrEqual(first.users);
    expect((await messagesOf(liaisonCrrc, "ROUND_LATE")).some((m) => m.includes("2027-01"))).toBe(
      true,
    );

    const again = await remindLateUnits(admin, { roundId, now: at("2027-02-11T16:30:00") });
    expect(again).toMatchObject({ already: true, remindedAt: first.remindedAt });
    expect(await count()).toBe(sent);

    const nextDay = await remindLateUnits(admin, { roundId, now: at("2027-02-12T09:00:00") });
    expect(nextDay.already).toBe(false);
    expect(await count()).toBe(sent * 2);
    const audits = await db.prisma.auditLog.count({
      where: { action: "round.remind", entityId: roundId },
    });
    expect(audits).toBe(2);
  });

  it("the round list pages by keyset and shows filed of expected per round", async () => {
    const all = await listRounds(admin, { limit: 100 });
    const first = await listRounds(admin, { limit: 1 });
    expect(first.items).toHaveLength(1);
    expect(first.nextCursor).not.toBeNull();
    const second = await listRounds(admin, { limit: 1, cursor: first.nextCursor! });
    expect(second.items[0]!.id).toBe(all.items[1]!.id);
    const ours = all.items.find((r) => r.id === roundId)!;
    expect(ours).toMatchObject({ filed: 0, sharePercent: 0 });
    expect(ours.total).toBeGreaterThan(0);
    // The caller's scope: a liaison counts its own units only.
    const mine = (await listRounds(liaisonCrrc, { limit: 100 })).items.find(
      (r) => r.id === roundId,
    )!;
    expect(mine.total).toBeLessThan(ours.total);
  });
});
