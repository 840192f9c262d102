import { assignTasksEndpoint } from "@/lib/assignments/api";

export const POST = assignTasksEndpoint.handler;
