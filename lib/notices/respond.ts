import "server-only";
import { recordAudit } from "@/lib/audit/record";
import { can, type Actor } from "@/lib/auth/policy";
import { getDb, type DbTx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { Locale } from "@/lib/i18n/config";
import { parseInput } from "@/lib/i18n/zod";
import { notify } from "@/lib/notifications/notify";
import { liaisonsFor } from "@/lib/notifications/recipients";
import { findNotice, groupOf, noticeSelectFor, toNotice, type NoticeRow } from "./queries";
import { escalatedLevel, NoticeActionInput, ReplyNoticeInput } from "./schemas";

/** How long an escalated notice gets for its new deadline. */
export const ESCALATION_GRACE_MS = 7 * 86_400_000;

/** The permission references of the items' enterprises, in the order of `itemIds`. */
async function enterpriseRefs(tx: DbTx, itemIds: string[]) {
  const items = await tx.ledgerItem.findMany({
    where: { id: { in: itemIds } },
    select: {
      id: true,
      enterpriseId: true,
      enterprise: { select: { supervisorId: true, ancestors: { select: { ancestorId: true } } } },
    },
  });
  const byId = new Map(items.map((i) => [i.id, i]));
  return itemIds.map((id) => {
    const i = byId.get(id)!;
    return {
      id: i.enterpriseId,
      supervisorId: i.enterprise.supervisorId,
      pathIds: i.enterprise.ancestors.map((a) => a.ancestorId),
    };
  });
}

/**
 * A notice in the actor's scope that is still open, after the caller's permission rule. The
 * notice holds only the items in the actor's scope; `whole` says whether that is all of them.
 */
async function openNoticeFor(
  tx: DbTx,
  actor: Actor,
  noticeId: string,
  allowed: (refs: Awaited<ReturnType<typeof enterpriseRefs>>, whole: boolean) => boolean,
) {
  const notice = await findNotice(tx, actor, noticeId);
  if (!notice) throw new AppError("not_found");
  const refs = await enterpriseRefs(
    tx,
    notice.items.map((i) => i.ledgerItem.id),
  );
  if (!allowed(refs, notice.items.length === notice._count.items)) throw new AppError("forbidden");
  if (notice.status === "CLOSED")
    throw new AppError("validation_failed", undefined, { _form: "noticeClosed" });
  return notice;
}

/**
 * The enterprise's liaison replies to a notice. The reply answers for the items the liaison may
 * reply for, and only those: on a notice spanning several groups each item keeps its own answer,
 * the notice is "replied" (escalation stops) once every item is answered, and the overdue job
 * keeps escalating while any item is not.
 */
export async function replyNotice(
  actor: Actor,
  options: { noticeId: string; input: unknown; locale: Locale; requestId?: string; now?: Date },
) {
  const { body } = parseInput(ReplyNoticeInput, options.input, options.locale);
  const now = options.now ?? new Date();
  return getDb().$transaction(async (tx) => {
    const notice = await openNoticeFor(tx, actor, options.noticeId, (refs) =>
      refs.some((enterprise) => can(actor, "notice.reply", { enterprise })),
    );
    const refs = await enterpriseRefs(
      tx,
      notice.items.map((i) => i.ledgerItem.id),
    );
    const myItems = notice.items.filter((_, k) =>
      can(actor, "notice.reply", { enterprise: refs[k]! }),
    );
    const mine = new Set(myItems.map((i) => groupOf(i.ledgerItem.enterprise)));
    await tx.noticeItem.updateMany({
      where: { noticeId: notice.id, ledgerItemId: { in: myItems.map((i) => i.ledgerItem.id) } },
      data: { repliedAt: now },
    });
    await tx.noticeReply.createMany({
      data: [...mine].map((rootId) => ({
        noticeId: notice.id,
        authorId: actor.id,
        body,
        rootId,
        createdAt: now,
      })),
    });
    const owed = await tx.noticeItem.count({ where: { noticeId: notice.id, repliedAt: null } });
    const allReplied = owed === 0;
    await tx.supervisionNotice.update({
      where: { id: notice.id },
      data: { ...(allReplied ? { status: "REPLIED" } : {}), version: { increment: 1 } },
    });
    await notify(tx, {
      userIds: [notice.issuedById],
      kind: "NOTICE_REPLIED",
      params: { number: notice.number, noticeId: notice.id },
      link: `/notices/${notice.id}`,
      now,
    });
    await recordAudit(tx, {
      actor,
      action: "notice.reply",
      entityType: "SupervisionNotice",
      entityId: notice.id,
      before: { status: notice.status },
      after: {
        status: allReplied ? "REPLIED" : notice.status,
        groups: [...mine],
        items: myItems.map((i) => i.ledgerItem.id),
        reply: body,
      },
      requestId: options.requestId,
    });
    return toNotice((await findNotice(tx, actor, notice.id))!);
  });
}

/** The reviewer closes a notice (the enterprise has acted) or escalates it by hand. */
export async function actOnNotice(
  actor: Actor,
  options: { noticeId: string; input: unknown; locale: Locale; requestId?: string; now?: Date },
) {
  const input = parseInput(NoticeActionInput, options.input, options.locale);
  const now = options.now ?? new Date();
  return getDb().$transaction(async (tx) => {
    // Only a reviewer whose scope covers every item acts on the whole notice.
    const notice = await openNoticeFor(
      tx,
      actor,
      options.noticeId,
      (refs, whole) =>
        whole && refs.every((enterprise) => can(actor, "notice.issue", { enterprise })),
    );
    const updated =
      input.action === "close"
        ? await closeNotice(tx, notice, now)
        : await escalateNotice(tx, notice, now, { askAgain: true });
    await recordAudit(tx, {
      actor,
      action: `notice.${input.action}`,
      entityType: "SupervisionNotice",
      entityId: notice.id,
      before: { status: notice.status, level: notice.level },
      after: { status: updated.status, level: updated.level, comment: input.comment },
      requestId: options.requestId,
    });
    return updated;
  });
}

type Notice = NoticeRow;

async function closeNotice(tx: DbTx, notice: Notice, now: Date) {
  const updated = await tx.supervisionNotice.update({
    where: { id: notice.id },
    data: { status: "CLOSED", closedAt: now, version: { increment: 1 } },
    select: noticeSelectFor(null),
  });
  const liaisons = await liaisonsFor(
    tx,
    notice.items.map((i) => i.ledgerItem.enterpriseId),
  );
  await notify(tx, {
    userIds: [...new Set([...liaisons.values()].flat())],
    kind: "NOTICE_CLOSED",
    params: { number: notice.number, noticeId: notice.id },
    link: `/notices/${notice.id}`,
    now,
  });
  return toNotice(updated);
}

/**
 * One level up (blue -> yellow -> red), a new deadline, and the liaisons still owing a reply told.
 * `askAgain` (the reviewer's escalation) asks every item again; the overdue job escalates only
 * for the unanswered items and leaves answered ones (another group's) answered.
 */
export async function escalateNotice(
  tx: DbTx,
  notice: Pick<Notice, "id" | "number" | "level" | "issuedById" | "items">,
  now: Date,
  options: { askAgain?: boolean } = {},
) {
  const level = escalatedLevel(notice.level);
  if (options.askAgain)
    await tx.noticeItem.updateMany({ where: { noticeId: notice.id }, data: { repliedAt: null } });
  const owing = notice.items.filter((i) => options.askAgain || !i.repliedAt);
  const updated = await tx.supervisionNotice.update({
    where: { id: notice.id },
    data: {
      status: "ESCALATED",
      level,
      escalationCount: { increment: 1 },
      escalatedAt: now,
      responseDueAt: new Date(now.getTime() + ESCALATION_GRACE_MS),
      version: { increment: 1 },
    },
    select: noticeSelectFor(null),
  });
  const liaisons = await liaisonsFor(
    tx,
    owing.map((i) => i.ledgerItem.enterpriseId),
  );
  await notify(tx, {
    userIds: [...new Set([...liaisons.values()].flat()), notice.issuedById],
    kind: "NOTICE_ESCALATED",
    params: {
      number: notice.number,
      levelZh: { BLUE: "蓝色", YELLOW: "黄色", RED: "红色" }[level],
      levelEn: level.toLowerCase(),
      dueAt: updated.responseDueAt.toISOString(),
      noticeId: notice.id,
    },
    link: `/notices/${notice.id}`,
    now,
  });
  return toNotice(updated);
}

/**
 * Run by the job worker: every notice past its response deadline without a reply escalates by
 * itself (and again, up to red, each time its new deadline passes).
 */
export async function escalateOverdueNotices(now: Date = new Date()) {
  const db = getDb();
  const due = await db.supervisionNotice.findMany({
    where: {
      status: { in: ["OPEN", "ESCALATED"] },
      responseDueAt: { lt: now },
      items: { some: { repliedAt: null } },
    },
    select: { id: true },
  });
  let escalated = 0;
  for (const { id } of due) {
    await db.$transaction(async (tx) => {
      const notice = await tx.supervisionNotice.findFirst({
        where: {
          id,
          status: { in: ["OPEN", "ESCALATED"] },
          responseDueAt: { lt: now },
          items: { some: { repliedAt: null } },
        },
        select: noticeSelectFor(null),
      });
      if (!notice) return; // replied or closed meanwhile
      const updated = await escalateNotice(tx, notice, now);
      await recordAudit(tx, {
        actor: null,
        action: "notice.autoEscalate",
        entityType: "SupervisionNotice",
        entityId: id,
        before: { level: notice.level, status: notice.status },
        after: {
          level: updated.level,
          status: updated.status,
          responseDueAt: updated.responseDueAt,
        },
      });
      escalated += 1;
    });
  }
  return { escalated };
}
