import { getNoticePdfEndpoint } from "@/lib/notices/api";

export const GET = getNoticePdfEndpoint.handler;
