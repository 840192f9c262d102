import { createTaskEndpoint, listTasksEndpoint } from "@/lib/catalogue/api";

export const GET = listTasksEndpoint.handler;
export const POST = createTaskEndpoint.handler;
