import "server-only";
import type { Actor } from "@/lib/auth/policy";
import { getDb, type DbTx } from "@/lib/db/client";
import { enterpriseRef, findItemForActor } from "@/lib/ledger/queries";
import { mentionableUsers } from "./mentionable";
import type { CommentDto, MentionableUser } from "./schemas";

export const commentSelect = {
  id: true,
  body: true,
  mentions: true,
  createdAt: true,
  author: { select: { id: true, displayName: true } },
} as const;

type CommentRow = {
  id: string;
  body: string;
  mentions: string[];
  createdAt: Date;
  author: { id: string; displayName: string };
};

/** Rows to DTOs, with the mentioned users' names (one lookup for all rows). */
export async function toComments(tx: DbTx, rows: CommentRow[]): Promise<CommentDto[]> {
  const ids = [...new Set(rows.flatMap((r) => r.mentions))];
  const users = ids.length
    ? await tx.user.findMany({
        where: { id: { in: ids } },
        select: { id: true, displayName: true },
      })
    : [];
  const names = new Map(users.map((u) => [u.id, u]));
  return rows.map((r) => ({
    ...r,
    mentions: r.mentions.flatMap((id) => names.get(id) ?? []),
    createdAt: r.createdAt.toISOString(),
  }));
}

/** The item's comments, newest first; null when the item is not visible to the actor. */
export async function listComments(actor: Actor, itemId: string): Promise<CommentDto[] | null> {
  const db = getDb();
  if (!(await findItemForActor(db, actor, itemId))) return null;
  const rows = await db.comment.findMany({
    where: { ledgerItemId: itemId },
    select: commentSelect,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
  });
  return toComments(db, rows);
}

/** Users who may be mentioned on the item (their scope covers it); null when not visible. */
export async function listMentionable(
  actor: Actor,
  itemId: string,
  q?: string,
): Promise<MentionableUser[] | null> {
  const db = getDb();
  const item = await findItemForActor(db, actor, itemId);
  if (!item) return null;
  return mentionableUsers(db, enterpriseRef(item), { q });
}
