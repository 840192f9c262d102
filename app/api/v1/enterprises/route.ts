import { createEnterpriseEndpoint, listEnterprisesEndpoint } from "@/lib/enterprises/api";

export const GET = listEnterprisesEndpoint.handler;
export const POST = createEnterpriseEndpoint.handler;
