import { moveEnterpriseEndpoint } from "@/lib/enterprises/api";

export const POST = moveEnterpriseEndpoint.handler;
