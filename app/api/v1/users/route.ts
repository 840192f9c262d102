import { createUserEndpoint, listUsersEndpoint } from "@/lib/users/api";

export const GET = listUsersEndpoint.handler;
export const POST = createUserEndpoint.handler;
