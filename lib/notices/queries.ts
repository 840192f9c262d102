import "server-only";
import type { Actor } from "@/lib/auth/policy";
import { ledgerItemScopeWhere } from "@/lib/auth/scope";
import { getDb, type DbTx } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { NoticeDto } from "./schemas";

export const noticeSelect = {
  id: true,
  number: true,
  level: true,
  status: true,
  requiredAction: true,
  responseDueAt: true,
  escalationCount: true,
  createdAt: true,
  closedAt: true,
  version: true,
  issuedById: true,
  issuedBy: { select: { displayName: true } },
  items: {
    select: {
      ledgerItem: {
        select: {
          id: true,
          enterpriseId: true,
          task: { select: { code: true, titleZh: true, titleEn: true } },
          enterprise: { select: { nameZh: true, nameEn: true } },
        },
      },
    },
  },
  replies: {
    select: { body: true, createdAt: true, author: { select: { displayName: true } } },
    orderBy: { createdAt: "asc" },
  },
} satisfies Prisma.SupervisionNoticeSelect;

export function toNotice(
  n: Prisma.SupervisionNoticeGetPayload<{ select: typeof noticeSelect }>,
): NoticeDto {
  return {
    id: n.id,
    number: n.number,
    level: n.level,
    status: n.status,
    requiredAction: n.requiredAction,
    responseDueAt: n.responseDueAt.toISOString(),
    escalationCount: n.escalationCount,
    createdAt: n.createdAt.toISOString(),
    closedAt: n.closedAt?.toISOString() ?? null,
    issuedBy: n.issuedBy.displayName,
    items: n.items.map(({ ledgerItem: i }) => ({
      id: i.id,
      taskCode: i.task.code,
      taskZh: i.task.titleZh,
      taskEn: i.task.titleEn,
      enterpriseZh: i.enterprise.nameZh,
      enterpriseEn: i.enterprise.nameEn,
    })),
    replies: n.replies.map((r) => ({
      author: r.author.displayName,
      body: r.body,
      createdAt: r.createdAt.toISOString(),
    })),
  };
}

/** A notice is visible when any of its items is in the actor's scope. */
export function noticeScopeWhere(actor: Actor): Prisma.SupervisionNoticeWhereInput {
  return actor.scopeAll ? {} : { items: { some: { ledgerItem: ledgerItemScopeWhere(actor) } } };
}

export async function findNotice(db: DbTx, actor: Actor, id: string) {
  return db.supervisionNotice.findFirst({
    where: { AND: [{ id }, noticeScopeWhere(actor)] },
    select: noticeSelect,
  });
}

export async function listNotices(
  actor: Actor,
  options: { status?: NoticeDto["status"]; limit?: number } = {},
) {
  const rows = await getDb().supervisionNotice.findMany({
    where: { AND: [noticeScopeWhere(actor), options.status ? { status: options.status } : {}] },
    select: noticeSelect,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: options.limit ?? 100,
  });
  return rows.map(toNotice);
}
