import { listAuditEndpoint } from "@/lib/audit/api";

export const GET = listAuditEndpoint.handler;
