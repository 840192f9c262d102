import { listEnterprisesEndpoint } from "@/lib/enterprises/api";

export const GET = listEnterprisesEndpoint.handler;
