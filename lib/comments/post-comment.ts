import "server-only";
import { recordAudit } from "@/lib/audit/record";
import type { Actor } from "@/lib/auth/policy";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { enterpriseRef, findItemForActor } from "@/lib/ledger/queries";
import { notify } from "@/lib/notifications/notify";
import { mentionableUsers } from "./mentionable";
import { commentSelect, toComments } from "./queries";
import { PostCommentInput, type CommentDto } from "./schemas";

/**
 * Appends a comment to an item the actor can see (else 404), with @mentions only of users whose
 * scope covers the item (anyone else: 422 on `mentions`, "this user cannot see the item"). The
 * mentioned users are notified; comment, notifications and audit record share one transaction.
 */
export async function postComment(
  actor: Actor,
  options: { itemId: string; input: PostCommentInput; requestId?: string; now?: Date },
): Promise<CommentDto> {
  const input = PostCommentInput.parse(options.input);
  const mentions = [...new Set(input.mentions)];
  return getDb().$transaction(async (tx) => {
    const item = await findItemForActor(tx, actor, options.itemId);
    if (!item) throw new AppError("not_found");
    const allowed = await mentionableUsers(tx, enterpriseRef(item), { ids: mentions });
    if (allowed.length !== mentions.length)
      throw new AppError("validation_failed", undefined, { mentions: "mentionOutOfScope" });
    const comment = await tx.comment.create({
      data: {
        ledgerItemId: item.id,
        authorId: actor.id,
        body: input.body,
        mentions,
        ...(options.now ? { createdAt: options.now } : {}),
      },
      select: commentSelect,
    });
    await recordAudit(tx, {
      actor,
      action: "ledgerItem.comment",
      entityType: "LedgerItem",
      entityId: item.id,
      after: { commentId: comment.id, body: comment.body, mentions },
      requestId: options.requestId,
    });
    const names = await tx.ledgerItem.findUniqueOrThrow({
      where: { id: item.id },
      select: {
        task: { select: { code: true, titleZh: true, titleEn: true } },
        enterprise: { select: { nameZh: true, nameEn: true } },
      },
    });
    await notify(tx, {
      userIds: mentions.filter((id) => id !== actor.id),
      kind: "COMMENT_MENTION",
      params: {
        author: actor.displayName,
        taskZh: names.task.titleZh,
        taskEn: names.task.titleEn,
        enterpriseZh: names.enterprise.nameZh,
        enterpriseEn: names.enterprise.nameEn,
      },
      link: `/ledger/${item.id}`,
      now: options.now,
    });
    const [dto] = await toComments(tx, [comment]);
    return dto!;
  });
}
