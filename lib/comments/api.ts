import "server-only";
import { endpoint } from "@/lib/api/endpoint";
import { AppError } from "@/lib/errors";
import { ItemParams } from "@/lib/ledger/schemas";
import { postComment } from "./post-comment";
import { listComments, listMentionable } from "./queries";
import {
  CommentDto,
  CommentList,
  MentionableList,
  MentionableQuery,
  PostCommentInput,
} from "./schemas";

export const listCommentsEndpoint = endpoint(
  {
    method: "get",
    path: "/ledger-items/{id}/comments",
    tag: "Work ledger",
    summary: "The item's comments, newest first",
    permission: "ledger.read",
    params: ItemParams,
    response: CommentList,
  },
  async ({ actor, params }) => {
    const items = await listComments(actor, params.id);
    if (!items) throw new AppError("not_found");
    return { items };
  },
);

export const postCommentEndpoint = endpoint(
  {
    method: "post",
    path: "/ledger-items/{id}/comments",
    tag: "Work ledger",
    summary:
      "Comment on an item (append-only); @mentions notify users whose scope covers the item, anyone else is a 422",
    permission: "ledger.read",
    params: ItemParams,
    body: PostCommentInput,
    response: CommentDto,
    successStatus: 201,
  },
  ({ actor, params, body, requestId }) =>
    postComment(actor, { itemId: params.id, input: body, requestId }),
);

export const listMentionableEndpoint = endpoint(
  {
    method: "get",
    path: "/ledger-items/{id}/mentionable",
    tag: "Work ledger",
    summary: "Users who may be @mentioned on the item (their scope covers it), at most 20",
    permission: "ledger.read",
    params: ItemParams,
    query: MentionableQuery,
    response: MentionableList,
  },
  async ({ actor, params, query }) => {
    const items = await listMentionable(actor, params.id, query.q);
    if (!items) throw new AppError("not_found");
    return { items };
  },
);
