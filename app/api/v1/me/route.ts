import { getMe } from "@/lib/me/api";

export const GET = getMe.handler;
