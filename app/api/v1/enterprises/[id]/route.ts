import { getEnterpriseEndpoint } from "@/lib/enterprises/api";

export const GET = getEnterpriseEndpoint.handler;
