import { mergeEnterpriseEndpoint, mergePreviewEndpoint } from "@/lib/enterprises/api";

export const GET = mergePreviewEndpoint.handler;
export const POST = mergeEnterpriseEndpoint.handler;
