import { getUserEndpoint, updateUserEndpoint } from "@/lib/users/api";

export const GET = getUserEndpoint.handler;
export const PATCH = updateUserEndpoint.handler;
