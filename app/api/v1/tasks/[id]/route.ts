import { deleteTaskEndpoint, getTaskEndpoint, updateTaskEndpoint } from "@/lib/catalogue/api";

export const GET = getTaskEndpoint.handler;
export const PATCH = updateTaskEndpoint.handler;
export const DELETE = deleteTaskEndpoint.handler;
