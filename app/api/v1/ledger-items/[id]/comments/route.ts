import { listCommentsEndpoint, postCommentEndpoint } from "@/lib/comments/api";

export const GET = listCommentsEndpoint.handler;
export const POST = postCommentEndpoint.handler;
