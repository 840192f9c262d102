import { deleteSavedViewEndpoint } from "@/lib/saved-views/api";

export const DELETE = deleteSavedViewEndpoint.handler;
