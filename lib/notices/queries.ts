import "server-only";
import type { Actor } from "@/lib/auth/policy";
import { ledgerItemScopeWhere } from "@/lib/auth/scope";
import { getDb, type DbTx } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { isoDay } from "@/lib/time";
import type { NoticeDto } from "./schemas";

/** The group an enterprise belongs to: its tree's root (a root is its own group). */
export const groupOf = (e: { id: string; rootId: string | null }) => e.rootId ?? e.id;

/**
 * What a notice shows, as the actor may see it: only the items in the actor's scope (`null`: all,
 * for the worker). A notice issued before "one notice per group" may span several groups; a
 * viewer of one group must not see another group's items or replies.
 */
export function noticeSelectFor(actor: Actor | null) {
  const scoped = actor && !actor.scopeAll;
  return {
    id: true,
    number: true,
    level: true,
    status: true,
    requiredAction: true,
    responseDueAt: true,
    escalationCount: true,
    escalatedAt: true,
    createdAt: true,
    closedAt: true,
    version: true,
    issuedById: true,
    issuedBy: { select: { displayName: true } },
    supervisor: { select: { nameZh: true, nameEn: true } },
    _count: { select: { items: true } },
    items: {
      ...(scoped ? { where: { ledgerItem: ledgerItemScopeWhere(actor) } } : {}),
      select: {
        repliedAt: true,
        ledgerItem: {
          select: {
            id: true,
            enterpriseId: true,
            dueDate: true,
            status: true,
            task: { select: { code: true, titleZh: true, titleEn: true } },
            enterprise: { select: { id: true, rootId: true, nameZh: true, nameEn: true } },
          },
        },
      },
      orderBy: { ledgerItemId: "asc" },
    },
    replies: {
      select: {
        body: true,
        rootId: true,
        createdAt: true,
        author: { select: { displayName: true } },
      },
      orderBy: { createdAt: "asc" },
    },
  } satisfies Prisma.SupervisionNoticeSelect;
}

export type NoticeRow = Prisma.SupervisionNoticeGetPayload<{
  select: ReturnType<typeof noticeSelectFor>;
}>;

/** The groups of the items a row holds (all of them, or the viewer's part). */
export function rowGroups(row: Pick<NoticeRow, "items">): Set<string> {
  return new Set(row.items.map((i) => groupOf(i.ledgerItem.enterprise)));
}

export function toNotice(n: NoticeRow): NoticeDto {
  const partial = n.items.length < n._count.items;
  const groups = rowGroups(n);
  // A partial viewer sees its own groups' replies only, and "replied" once its items are answered
  // (each item keeps its own answer: another group's reply or silence never shows here).
  const replies = partial ? n.replies.filter((r) => r.rootId && groups.has(r.rootId)) : n.replies;
  const answered = n.items.length > 0 && n.items.every((i) => i.repliedAt);
  const status = n.status !== "CLOSED" && answered ? "REPLIED" : n.status;
  return {
    id: n.id,
    number: n.number,
    level: n.level,
    status,
    requiredAction: n.requiredAction,
    responseDueAt: n.responseDueAt.toISOString(),
    escalationCount: n.escalationCount,
    createdAt: n.createdAt.toISOString(),
    closedAt: n.closedAt?.toISOString() ?? null,
    issuedBy: n.issuedBy.displayName,
    supervisorZh: n.supervisor.nameZh,
    supervisorEn: n.supervisor.nameEn,
    partial,
    items: n.items.map(({ ledgerItem: i, repliedAt }) => ({
      id: i.id,
      taskCode: i.task.code,
      taskZh: i.task.titleZh,
      taskEn: i.task.titleEn,
      enterpriseZh: i.enterprise.nameZh,
      enterpriseEn: i.enterprise.nameEn,
      dueDate: isoDay(i.dueDate),
      status: i.status,
      repliedAt: repliedAt?.toISOString() ?? null,
    })),
    // One reply written for several groups at once is stored once per group: show it once.
    replies: dedupe(replies).map((r) => ({
      author: r.author.displayName,
      body: r.body,
      createdAt: r.createdAt.toISOString(),
    })),
  };
}

function dedupe<T extends { body: string; createdAt: Date; author: { displayName: string } }>(
  rows: T[],
): T[] {
  const seen = new Set<string>();
  return rows.filter((r) => {
    const key = `${r.createdAt.getTime()}|${r.author.displayName}|${r.body}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** A notice is visible when any of its items is in the actor's scope. */
export function noticeScopeWhere(actor: Actor): Prisma.SupervisionNoticeWhereInput {
  return actor.scopeAll ? {} : { items: { some: { ledgerItem: ledgerItemScopeWhere(actor) } } };
}

export async function findNotice(db: DbTx, actor: Actor, id: string) {
  return db.supervisionNotice.findFirst({
    where: { AND: [{ id }, noticeScopeWhere(actor)] },
    select: noticeSelectFor(actor),
  });
}

export async function listNotices(
  actor: Actor,
  options: { status?: NoticeDto["status"]; limit?: number } = {},
) {
  const rows = await getDb().supervisionNotice.findMany({
    where: { AND: [noticeScopeWhere(actor), options.status ? { status: options.status } : {}] },
    select: noticeSelectFor(actor),
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: options.limit ?? 100,
  });
  return rows.map(toNotice);
}

/**
 * The enterprise groups the chosen items belong to, as issuing would split them (one notice per
 * group): the form says how many notices it will create before it sends.
 */
export async function noticeGroups(actor: Actor, itemIds: string[]) {
  const items = await getDb().ledgerItem.findMany({
    where: { AND: [{ id: { in: itemIds } }, ledgerItemScopeWhere(actor)] },
    select: { id: true, enterprise: { select: { id: true, rootId: true } } },
  });
  const groups = new Map<string, string[]>();
  for (const id of itemIds) {
    const item = items.find((i) => i.id === id);
    if (!item) continue;
    const group = groupOf(item.enterprise);
    groups.set(group, [...(groups.get(group) ?? []), id]);
  }
  const roots = await getDb().enterprise.findMany({
    where: { id: { in: [...groups.keys()] } },
    select: { id: true, nameZh: true, nameEn: true },
  });
  return [...groups].map(([id, ids]) => {
    const root = roots.find((r) => r.id === id);
    return { id, nameZh: root?.nameZh ?? "", nameEn: root?.nameEn ?? "", itemIds: ids };
  });
}
