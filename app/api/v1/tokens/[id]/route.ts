import { revokeTokenEndpoint } from "@/lib/users/token-api";

export const DELETE = revokeTokenEndpoint.handler;
