import "server-only";
import { recordAudit } from "@/lib/audit/record";
import { can, type Actor } from "@/lib/auth/policy";
import { ledgerItemScopeWhere } from "@/lib/auth/scope";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { Locale } from "@/lib/i18n/config";
import { parseInput } from "@/lib/i18n/zod";
import { notify } from "@/lib/notifications/notify";
import { liaisonsFor } from "@/lib/notifications/recipients";
import { chinaDay, chinaDeadline } from "@/lib/time";
import { noticeSelect, toNotice } from "./queries";
import { IssueNoticeInput } from "./schemas";

/** A reviewer issues a supervision notice (督办) on one or more lagging items of one programme. */
export async function issueNotice(
  actor: Actor,
  options: { input: unknown; locale: Locale; requestId?: string; now?: Date },
) {
  const input = parseInput(IssueNoticeInput, options.input, options.locale);
  const now = options.now ?? new Date();
  const responseDueAt = chinaDeadline(input.responseDueOn);
  if (responseDueAt <= now)
    throw new AppError("validation_failed", undefined, { responseDueOn: "dateInPast" });

  return getDb().$transaction(async (tx) => {
    const ids = [...new Set(input.itemIds)];
    const items = await tx.ledgerItem.findMany({
      where: { AND: [{ id: { in: ids } }, ledgerItemScopeWhere(actor)] },
      select: {
        id: true,
        programmeId: true,
        enterpriseId: true,
        enterprise: { select: { supervisorId: true, ancestors: { select: { ancestorId: true } } } },
      },
    });
    if (items.length !== ids.length) throw new AppError("not_found");
    for (const item of items) {
      const enterprise = {
        id: item.enterpriseId,
        supervisorId: item.enterprise.supervisorId,
        pathIds: item.enterprise.ancestors.map((a) => a.ancestorId),
      };
      if (!can(actor, "notice.issue", { enterprise })) throw new AppError("forbidden");
    }
    const programmes = new Set(items.map((i) => i.programmeId));
    if (programmes.size !== 1)
      throw new AppError("validation_failed", undefined, { itemIds: "oneProgramme" });

    const year = chinaDay(now).getUTCFullYear();
    // Numbers run per year; the advisory lock serialises concurrent issuers of the same year.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(727100, ${year})`;
    const count = await tx.supervisionNotice.count({
      where: { number: { startsWith: `督办-${year}-` } },
    });
    const number = `督办-${year}-${String(count + 1).padStart(4, "0")}`;
    const notice = await tx.supervisionNotice.create({
      data: {
        number,
        programmeId: items[0]!.programmeId,
        supervisorId: items[0]!.enterprise.supervisorId,
        issuedById: actor.id,
        level: input.level,
        requiredAction: input.requiredAction,
        responseDueAt,
        createdAt: now,
        items: { create: items.map((i) => ({ ledgerItemId: i.id })) },
      },
      select: noticeSelect,
    });
    const liaisons = await liaisonsFor(
      tx,
      items.map((i) => i.enterpriseId),
    );
    await notify(tx, {
      userIds: [...new Set([...liaisons.values()].flat())],
      kind: "NOTICE_ISSUED",
      params: {
        number,
        action: input.requiredAction,
        due: input.responseDueOn,
        noticeId: notice.id,
      },
      link: `/notices/${notice.id}`,
      now,
    });
    const dto = toNotice(notice);
    await recordAudit(tx, {
      actor,
      action: "notice.issue",
      entityType: "SupervisionNotice",
      entityId: notice.id,
      after: dto,
      requestId: options.requestId,
    });
    return dto;
  });
}
