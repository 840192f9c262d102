import "server-only";
import { z } from "zod";
import { endpoint } from "@/lib/api/endpoint";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { issueNotice } from "./issue-notice";
import { findNotice, listNotices, toNotice } from "./queries";
import { actOnNotice, replyNotice } from "./respond";
import {
  IssueNoticeInput,
  NoticeActionInput,
  NoticeDto,
  NoticeParams,
  ReplyNoticeInput,
} from "./schemas";

export const listNoticesEndpoint = endpoint(
  {
    method: "get",
    path: "/notices",
    tag: "Supervision notices",
    summary: "Supervision notices on items in the caller's scope",
    permission: "ledger.read",
    query: z.object({ status: z.enum(["OPEN", "REPLIED", "CLOSED", "ESCALATED"]).optional() }),
    response: z.object({ items: z.array(NoticeDto) }),
  },
  async ({ actor, query }) => ({ items: await listNotices(actor, { status: query.status }) }),
);

export const getNoticeEndpoint = endpoint(
  {
    method: "get",
    path: "/notices/{id}",
    tag: "Supervision notices",
    summary: "One supervision notice with its items and replies",
    permission: "ledger.read",
    params: NoticeParams,
    response: NoticeDto,
  },
  async ({ actor, params }) => {
    const notice = await findNotice(getDb(), actor, params.id);
    if (!notice) throw new AppError("not_found");
    return toNotice(notice);
  },
);

export const issueNoticeEndpoint = endpoint(
  {
    method: "post",
    path: "/notices",
    tag: "Supervision notices",
    summary: "Issue a supervision notice (督办) on one or more items (reviewers)",
    permission: "notice.issue",
    body: IssueNoticeInput,
    response: NoticeDto,
    successStatus: 201,
  },
  ({ actor, body, locale, requestId }) => issueNotice(actor, { input: body, locale, requestId }),
);

export const replyNoticeEndpoint = endpoint(
  {
    method: "post",
    path: "/notices/{id}/replies",
    tag: "Supervision notices",
    summary: "The enterprise replies to a notice (liaisons)",
    permission: "notice.reply",
    params: NoticeParams,
    body: ReplyNoticeInput,
    response: NoticeDto,
    successStatus: 201,
  },
  ({ actor, params, body, locale, requestId }) =>
    replyNotice(actor, { noticeId: params.id, input: body, locale, requestId }),
);

export const actOnNoticeEndpoint = endpoint(
  {
    method: "post",
    path: "/notices/{id}/actions",
    tag: "Supervision notices",
    summary: "Close or escalate a notice (reviewers)",
    permission: "notice.issue",
    params: NoticeParams,
    body: NoticeActionInput,
    response: NoticeDto,
  },
  ({ actor, params, body, locale, requestId }) =>
    actOnNotice(actor, { noticeId: params.id, input: body, locale, requestId }),
);
