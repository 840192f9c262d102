import "server-only";
import { z } from "zod";
import { endpoint } from "@/lib/api/endpoint";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { issueNotice } from "./issue-notice";
import { findNotice, listNotices, noticeGroups, toNotice } from "./queries";
import { noticePdfFileName, renderNoticePdf } from "./render-pdf";
import { actOnNotice, replyNotice } from "./respond";
import {
  IssuedNotices,
  IssueNoticeInput,
  NoticeActionInput,
  NoticeDto,
  NoticeGroups,
  NoticeGroupsQuery,
  NoticeParams,
  NoticePdfQuery,
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

export const noticeGroupsEndpoint = endpoint(
  {
    method: "get",
    path: "/notices/groups",
    tag: "Supervision notices",
    summary:
      "The enterprise groups of the chosen items: issuing on them creates one notice per group " +
      "(items outside the caller's scope are left out)",
    permission: "notice.issue",
    query: NoticeGroupsQuery,
    response: NoticeGroups,
  },
  async ({ actor, query }) => ({ groups: await noticeGroups(actor, query.itemIds) }),
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

export const getNoticePdfEndpoint = endpoint(
  {
    method: "get",
    path: "/notices/{id}/pdf",
    tag: "Supervision notices",
    summary:
      "The printable notice (督办单) as an A4 PDF, as the caller may see it; lang defaults to the " +
      "caller's language",
    permission: "ledger.read",
    params: NoticeParams,
    query: NoticePdfQuery,
    response: z.unknown(),
    fileResponse: "application/pdf",
  },
  async ({ actor, params, query, locale }) => {
    const notice = await findNotice(getDb(), actor, params.id);
    if (!notice) throw new AppError("not_found");
    const lang = query.lang ?? locale;
    const dto = toNotice(notice);
    const bytes = await renderNoticePdf(dto, lang);
    const name = noticePdfFileName(dto, lang);
    const fallback = name.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
    return new Response(new Uint8Array(bytes), {
      headers: {
        "content-type": "application/pdf",
        "content-length": String(bytes.byteLength),
        // inline: the browser shows it to print; the name is kept for saving.
        "content-disposition": `inline; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(name)}`,
        "cache-control": "private, no-store",
        "x-content-type-options": "nosniff",
      },
    });
  },
);

export const issueNoticeEndpoint = endpoint(
  {
    method: "post",
    path: "/notices",
    tag: "Supervision notices",
    summary:
      "Issue supervision notices (督办) on one or more items of one programme (reviewers): one " +
      "notice per enterprise group, each numbered; answers the notices created",
    permission: "notice.issue",
    body: IssueNoticeInput,
    response: IssuedNotices,
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
