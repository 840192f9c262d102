import { listMentionableEndpoint } from "@/lib/comments/api";

export const GET = listMentionableEndpoint.handler;
