import { getImportJobEndpoint } from "@/lib/imports/api";

export const GET = getImportJobEndpoint.handler;
