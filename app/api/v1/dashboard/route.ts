import { getDashboardEndpoint } from "@/lib/dashboard/api";

export const GET = getDashboardEndpoint.handler;
