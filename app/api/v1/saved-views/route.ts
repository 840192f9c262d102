import { listSavedViewsEndpoint, saveViewEndpoint } from "@/lib/saved-views/api";

export const GET = listSavedViewsEndpoint.handler;
export const POST = saveViewEndpoint.handler;
