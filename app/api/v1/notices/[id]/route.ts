import { getNoticeEndpoint } from "@/lib/notices/api";

export const GET = getNoticeEndpoint.handler;
