import { getEnterpriseEndpoint, updateEnterpriseEndpoint } from "@/lib/enterprises/api";

export const GET = getEnterpriseEndpoint.handler;
export const PATCH = updateEnterpriseEndpoint.handler;
