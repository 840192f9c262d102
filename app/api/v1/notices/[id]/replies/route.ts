import { replyNoticeEndpoint } from "@/lib/notices/api";

export const POST = replyNoticeEndpoint.handler;
