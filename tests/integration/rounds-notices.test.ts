/**
 * Reporting rounds and supervision notices on a moved clock: every "now" is passed in, nothing
 * sleeps. The demo data's own open round (2026-10) closes too when the clock passes its window.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/policy";
import { getLedgerItem } from "@/lib/ledger/queries";
import { recordProgress } from "@/lib/ledger/record-progress";
import { issueNotice } from "@/lib/notices/issue-notice";
import { actOnNotice, escalateOverdueNotices, replyNotice } from "@/lib/notices/respond";
import { listNotifications } from "@/lib/notifications/queries";
import { listReviewQueue } from "@/lib/review/queue";
import { ReviewQueueQuery } from "@/lib/review/schemas";
import { fileRound } from "@/lib/rounds/file-round";
import { runRoundClock } from "@/lib/rounds/jobs";
import { openRound } from "@/lib/rounds/open-round";
import { roundFilingStatus } from "@/lib/rounds/queries";
import { seededTestDatabase, type TestDatabase } from "./setup/db";
import { actorFor, failure, openItemOf } from "./fixtures";

let db: TestDatabase;
let admin: Actor;
let liaisonCrrc: Actor;
let liaisonTelecom: Actor;
let reviewerCentral: Actor;
let reviewerHunan: Actor;
const at = (s: string) => new Date(`${s}+08:00`);

beforeAll(async () => {
  db = await seededTestDatabase();
  admin = await actorFor(db.prisma, "admin");
  liaisonCrrc = await actorFor(db.prisma, "liaison-crrc");
  liaisonTelecom = await actorFor(db.prisma, "liaison-telecom");
  reviewerCentral = await actorFor(db.prisma, "reviewer-central");
  reviewerHunan = await actorFor(db.prisma, "reviewer-hunan");
});
afterAll(async () => {
  await db?.drop();
});

const notificationsOf = async (actor: Actor, kind: string) =>
  (await listNotifications(actor, { locale: "zh-CN", limit: 200 })).filter((n) => n.kind === kind);

describe("a reporting round from opening to lock", () => {
  let roundId: string;
  const crrcGroup = () => liaisonCrrc.enterpriseIds[0]!;

  it("only an administrator opens a round; a bad window is a field error", async () => {
    const programme = await db.prisma.programme.findUniqueOrThrow({
      where: { code: "SDU-2023" },
      select: { id: true },
    });
    const input = {
      programmeId: programme.id,
      period: "2026-11",
      windowOpensOn: "2026-12-01",
      windowClosesOn: "2026-12-10",
    };
    expect((await failure(openRound(reviewerCentral, { input, locale: "zh-CN" }))).status).toBe(
      403,
    );
    const reversed = await failure(
      openRound(admin, { input: { ...input, windowClosesOn: "2026-11-30" }, locale: "zh-CN" }),
    );
    expect(reversed.fields?.windowClosesOn).toBe("截止日期不能早于开始日期。");
    const round = await openRound(admin, {
      input,
      locale: "zh-CN",
      now: at("2026-11-22T10:00:00"),
    });
    expect(round.status).toBe("PLANNED");
    roundId = round.id;
    expect(
      (await failure(openRound(admin, { input, locale: "en", now: at("2026-11-22T10:00:00") })))
        .fields?.period,
    ).toBe("roundExists");
  });

  it("opens by itself when its window begins and tells the liaisons", async () => {
    expect((await runRoundClock(at("2026-11-30T23:00:00"))).opened).toBe(0);
    const result = await runRoundClock(at("2026-12-01T00:05:00"));
    expect(result.opened).toBe(1);
    expect(
      (await db.prisma.reportingRound.findUniqueOrThrow({ where: { id: roundId } })).status,
    ).toBe("OPEN");
    expect((await notificationsOf(liaisonTelecom, "ROUND_OPENED")).length).toBeGreaterThan(0);
  });

  it("filing needs an entry or an explicit no-change for every open main item", async () => {
    const missing = await failure(
      fileRound(liaisonCrrc, {
        roundId,
        locale: "zh-CN",
        input: { enterpriseId: crrcGroup() },
        now: at("2026-12-02T09:00:00"),
      }),
    );
    expect(missing.fields?._form).toBe("roundItemsMissing");
    const missingIds = missing.details?.missingItemIds as string[];
    expect(missingIds.length).toBeGreaterThan(0);

    // One real entry for the period, the rest "no change".
    const item = await db.prisma.ledgerItem.findFirstOrThrow({
      where: { id: { in: missingIds }, status: "IN_PROGRESS" },
    });
    await recordProgress(liaisonCrrc, {
      itemId: item.id,
      locale: "zh-CN",
      input: {
        version: item.version,
        period: "2026-11",
        narrative: "十一月进展",
        percentDone: Math.min(99, item.percentDone + 1),
      },
      now: at("2026-12-02T10:00:00"),
    });
    const entry = await db.prisma.progressEntry.findFirstOrThrow({
      where: { ledgerItemId: item.id, period: "2026-11" },
    });
    expect(entry).toMatchObject({ roundId, late: false });

    const rest = missingIds.filter((id) => id !== item.id);
    const filed = await fileRound(liaisonCrrc, {
      roundId,
      locale: "zh-CN",
      input: { enterpriseId: crrcGroup(), noChangeItemIds: rest },
      now: at("2026-12-03T09:00:00"),
    });
    expect(filed).toMatchObject({ late: false, noChangeEntries: rest.length });
    expect(
      await db.prisma.progressEntry.count({
        where: { ledgerItemId: { in: rest }, period: "2026-11", kind: "NO_CHANGE" },
      }),
    ).toBe(rest.length);

    // A liaison files only within scope.
    const telecomGroup = liaisonTelecom.enterpriseIds[0]!;
    expect(
      (
        await failure(
          fileRound(liaisonCrrc, {
            roundId,
            locale: "en",
            input: { enterpriseId: telecomGroup },
            now: at("2026-12-03T09:00:00"),
          }),
        )
      ).status,
    ).toBe(404);
  });

  it("shows the share of units that filed, per supervisor", async () => {
    const status = (await roundFilingStatus(reviewerCentral, roundId))!;
    const central = status.supervisors.find((s) => s.code === "SASAC-SC")!;
    expect(central.filed).toBe(1);
    expect(central.sharePercent).toBeCloseTo((1 / central.units) * 100, 2);
    expect(status.enterprises.find((e) => e.id === crrcGroup())?.filedAt).not.toBeNull();
    expect(status.supervisors.some((s) => s.code === "SASAC-HN")).toBe(false); // not in scope
  });

  it("reminds the unfiled once before the window closes", async () => {
    await runRoundClock(at("2026-12-08T09:00:00"));
    await runRoundClock(at("2026-12-09T09:00:00"));
    const reminders = (await notificationsOf(liaisonTelecom, "ROUND_CLOSING")).filter(
      (n) => n.message.startsWith("2026-11 报告期") && n.link === `/rounds/${roundId}`,
    );
    expect(reminders).toHaveLength(1);
  });

  it("locks the period after the window: late entries are marked and wait for a reviewer", async () => {
    const result = await runRoundClock(at("2026-12-11T00:00:01"));
    expect(result.closed).toBeGreaterThanOrEqual(1);
    expect(
      (await db.prisma.reportingRound.findUniqueOrThrow({ where: { id: roundId } })).status,
    ).toBe("CLOSED");
    expect((await notificationsOf(liaisonTelecom, "ROUND_LATE")).length).toBeGreaterThan(0);

    const item = await openItemOf(db.prisma, "liaison-telecom", { skip: 0 });
    const late = await recordProgress(liaisonTelecom, {
      itemId: item.id,
      locale: "zh-CN",
      input: {
        version: item.version,
        period: "2026-11",
        narrative: "逾期补报",
        percentDone: Math.min(99, item.percentDone + 1),
      },
      now: at("2026-12-12T09:00:00"),
    });
    expect(late.entry.late).toBe(true);
    const lateQueue = await listReviewQueue(
      reviewerCentral,
      ReviewQueueQuery.parse({ late: "true", limit: "200" }),
    );
    expect(lateQueue.items.some((q) => q.entry.id === late.entry.id)).toBe(true);

    const lateFiling = await fileRound(liaisonTelecom, {
      roundId,
      locale: "zh-CN",
      input: {
        enterpriseId: liaisonTelecom.enterpriseIds[0]!,
        noChangeItemIds: (
          await db.prisma.ledgerItem.findMany({
            where: {
              programme: { code: "SDU-2023" },
              enterpriseId: liaisonTelecom.enterpriseIds[0]!,
              isMain: true,
              notApplicable: false,
              status: { not: "COMPLETED" },
              entries: { none: { period: "2026-11" } },
            },
            select: { id: true },
          })
        ).map((i) => i.id),
      },
      now: at("2026-12-12T10:00:00"),
    });
    expect(lateFiling.late).toBe(true);
  });
});

describe("supervision notices", () => {
  let noticeId: string;

  it("a reviewer issues a notice on lagging items; the liaison is told and it shows on the item", async () => {
    const item = await openItemOf(db.prisma, "liaison-telecom", { skip: 2 });
    const input = {
      itemIds: [item.id],
      level: "BLUE",
      requiredAction: "请于期限内报送整改方案并说明滞后原因。",
      responseDueOn: "2026-12-05",
    };
    expect(
      (
        await failure(
          issueNotice(liaisonTelecom, { input, locale: "en", now: at("2026-11-25T09:00:00") }),
        )
      ).status,
    ).toBe(403);
    expect(
      (
        await failure(
          issueNotice(reviewerHunan, { input, locale: "en", now: at("2026-11-25T09:00:00") }),
        )
      ).status,
    ).toBe(404);
    expect(
      (
        await failure(
          issueNotice(reviewerCentral, {
            input: { ...input, responseDueOn: "2026-11-01" },
            locale: "zh-CN",
            now: at("2026-11-25T09:00:00"),
          }),
        )
      ).fields?.responseDueOn,
    ).toBe("dateInPast");

    const { notices } = await issueNotice(reviewerCentral, {
      input,
      locale: "zh-CN",
      now: at("2026-11-25T09:00:00"),
    });
    expect(notices).toHaveLength(1);
    const notice = notices[0]!;
    noticeId = notice.id;
    expect(notice.number).toMatch(/^督办-2026-\d{4}$/);
    expect(notice).toMatchObject({ level: "BLUE", status: "OPEN" });
    expect(
      (await notificationsOf(liaisonTelecom, "NOTICE_ISSUED")).some((n) =>
        n.message.includes(notice.number),
      ),
    ).toBe(true);
    expect((await getLedgerItem(liaisonTelecom, item.id))?.notices.map((n) => n.id)).toContain(
      notice.id,
    );
  });

  it("escalates by itself past its deadline, one level at a time up to red", async () => {
    await escalateOverdueNotices(at("2026-12-05T23:00:00"));
    expect(
      await db.prisma.supervisionNotice.findUniqueOrThrow({ where: { id: noticeId } }),
    ).toMatchObject({ status: "OPEN", level: "BLUE" });
    await escalateOverdueNotices(at("2026-12-06T00:00:01"));
    let row = await db.prisma.supervisionNotice.findUniqueOrThrow({ where: { id: noticeId } });
    expect(row).toMatchObject({ status: "ESCALATED", level: "YELLOW", escalationCount: 1 });
    expect(row.responseDueAt.getTime()).toBe(at("2026-12-13T00:00:01").getTime());
    expect(
      (await notificationsOf(liaisonTelecom, "NOTICE_ESCALATED")).filter((n) =>
        n.message.includes(row.number),
      ),
    ).toHaveLength(1);

    await escalateOverdueNotices(at("2026-12-13T00:00:02"));
    await escalateOverdueNotices(at("2026-12-20T00:00:03"));
    row = await db.prisma.supervisionNotice.findUniqueOrThrow({ where: { id: noticeId } });
    expect(row).toMatchObject({ level: "RED", escalationCount: 3 });
  });

  it("the liaison replies (scope-checked); a replied notice no longer escalates; the reviewer closes it", async () => {
    expect(
      (
        await failure(
          replyNotice(liaisonCrrc, { noticeId, input: { body: "不相关的回复" }, locale: "en" }),
        )
      ).status,
    ).toBe(404);
    const replied = await replyNotice(liaisonTelecom, {
      noticeId,
      input: { body: "已制定整改方案，12月底前完成。" },
      locale: "zh-CN",
      now: at("2026-12-21T09:00:00"),
    });
    expect(replied.status).toBe("REPLIED");
    expect(replied.replies.at(-1)?.body).toBe("已制定整改方案，12月底前完成。");
    await escalateOverdueNotices(at("2027-01-30T00:00:00"));
    expect(
      await db.prisma.supervisionNotice.findUniqueOrThrow({ where: { id: noticeId } }),
    ).toMatchObject({ status: "REPLIED", level: "RED" });

    expect(
      (
        await failure(
          actOnNotice(liaisonTelecom, { noticeId, input: { action: "close" }, locale: "en" }),
        )
      ).status,
    ).toBe(403);
    const closed = await actOnNotice(reviewerCentral, {
      noticeId,
      input: { action: "close" },
      locale: "zh-CN",
      now: at("2026-12-22T09:00:00"),
    });
    expect(closed.status).toBe("CLOSED");
    expect(
      (
        await failure(
          replyNotice(liaisonTelecom, { noticeId, input: { body: "再次回复" }, locale: "en" }),
        )
      ).fields?._form,
    ).toBe("noticeClosed");
    const audit = await db.prisma.auditLog.findMany({
      where: { entityId: noticeId },
      orderBy: { id: "asc" },
      select: { action: true },
    });
    expect(audit.map((a) => a.action)).toEqual([
      "notice.issue",
      "notice.autoEscalate",
      "notice.autoEscalate",
      "notice.autoEscalate",
      "notice.reply",
      "notice.close",
    ]);
  });
});
