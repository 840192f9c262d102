import { noticeGroupsEndpoint } from "@/lib/notices/api";

export const GET = noticeGroupsEndpoint.handler;
