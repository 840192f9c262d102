import { createTokenEndpoint, listTokensEndpoint } from "@/lib/users/token-api";

export const GET = listTokensEndpoint.handler;
export const POST = createTokenEndpoint.handler;
