import { changeOwnPasswordEndpoint } from "@/lib/users/api";

export const POST = changeOwnPasswordEndpoint.handler;
