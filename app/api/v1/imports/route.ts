import { importWorkbookEndpoint } from "@/lib/imports/api";

export const POST = importWorkbookEndpoint.handler;
