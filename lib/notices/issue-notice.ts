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
import { groupOf, noticeSelectFor, toNotice } from "./queries";
import { IssueNoticeInput, type IssuedNotices } from "./schemas";

/**
 * A reviewer issues supervision notices (督办) on lagging items of one programme. A notice
 * concerns one enterprise group, as the paperwork does: items of several groups make one notice
 * per group, each with its own number, all in one transaction.
 */
export async function issueNotice(
  actor: Actor,
  options: { input: unknown; locale: Locale; requestId?: string; now?: Date },
): Promise<IssuedNotices> {
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
        enterprise: {
          select: {
            id: true,
            rootId: true,
            code: true,
            supervisorId: true,
            ancestors: { select: { ancestorId: true } },
          },
        },
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

    // One notice per group, in the order the reviewer chose the items.
    const groups = new Map<string, typeof items>();
    for (const id of ids) {
      const item = items.find((i) => i.id === id)!;
      const group = groupOf(item.enterprise);
      groups.set(group, [...(groups.get(group) ?? []), item]);
    }

    const year = chinaDay(now).getUTCFullYear();
    // Numbers run per year; the advisory lock serialises concurrent issuers of the same year.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(727100, ${year})`;
    const count = await tx.supervisionNotice.count({
      where: { number: { startsWith: `督办-${year}-` } },
    });
    const notices = [];
    for (const [index, groupItems] of [...groups.values()].entries()) {
      const number = `督办-${year}-${String(count + index + 1).padStart(4, "0")}`;
      const notice = await tx.supervisionNotice.create({
        data: {
          number,
          programmeId: groupItems[0]!.programmeId,
          supervisorId: groupItems[0]!.enterprise.supervisorId,
          issuedById: actor.id,
          level: input.level,
          requiredAction: input.requiredAction,
          responseDueAt,
          createdAt: now,
          items: { create: groupItems.map((i) => ({ ledgerItemId: i.id })) },
        },
        select: noticeSelectFor(null),
      });
      const liaisons = await liaisonsFor(
        tx,
        groupItems.map((i) => i.enterpriseId),
      );
      await notify(tx, {
        userIds: [...new Set([...liaisons.values()].flat())],
        kind: "NOTICE_ISSUED",
        params: {
          number,
          action: input.requiredAction,
          due: input.responseDueOn,
          dueAt: responseDueAt.toISOString(),
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
      notices.push(dto);
    }
    return { notices };
  });
}
