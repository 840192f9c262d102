import { issueNoticeEndpoint, listNoticesEndpoint } from "@/lib/notices/api";

export const GET = listNoticesEndpoint.handler;
export const POST = issueNoticeEndpoint.handler;
