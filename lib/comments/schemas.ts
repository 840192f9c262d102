import { z } from "zod";

/** Comments on a ledger item and the users one may mention (client-safe). */
const UserRef = z.object({ id: z.uuid(), displayName: z.string() });

export const CommentDto = z
  .object({
    id: z.uuid(),
    body: z.string(),
    author: UserRef,
    mentions: z.array(UserRef),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: "Comment" });
export type CommentDto = z.infer<typeof CommentDto>;

export const CommentList = z
  .object({ items: z.array(CommentDto).meta({ description: "Newest first" }) })
  .meta({ id: "CommentList" });

export const PostCommentInput = z
  .object({
    body: z.string().trim().min(1).max(2000),
    mentions: z
      .array(z.uuid())
      .max(20)
      .default([])
      .meta({ description: "Users to notify; each must be able to see the item (else 422)" }),
  })
  .meta({ id: "PostCommentInput" });
export type PostCommentInput = z.input<typeof PostCommentInput>;

export const MentionableQuery = z.object({
  q: z.string().trim().max(50).optional().meta({ description: "Name or user name contains" }),
});

export const MentionableUser = z
  .object({ id: z.uuid(), displayName: z.string(), username: z.string() })
  .meta({ id: "MentionableUser" });
export type MentionableUser = z.infer<typeof MentionableUser>;

export const MentionableList = z
  .object({ items: z.array(MentionableUser) })
  .meta({ id: "MentionableList" });
