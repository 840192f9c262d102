/**
 * TanStack Query factories and writers for the caller's saved ledger views
 * (GET/POST /api/v1/saved-views, DELETE /api/v1/saved-views/{id}). Client-safe.
 */
import { queryOptions } from "@tanstack/react-query";
import { apiRequest } from "@/lib/api/client";
import type { SavedViewDto, SaveViewInput } from "./schemas";

export const savedViewQueries = {
  all: ["saved-views"] as const,
  list: () =>
    queryOptions({
      queryKey: [...savedViewQueries.all, "list"] as const,
      queryFn: ({ signal }) =>
        apiRequest<{ items: SavedViewDto[] }>("/api/v1/saved-views", { signal }),
    }),
};

export function postSavedView(body: SaveViewInput): Promise<SavedViewDto> {
  return apiRequest<SavedViewDto>("/api/v1/saved-views", { method: "POST", json: body });
}

export function deleteSavedView(id: string): Promise<{ deleted: true }> {
  return apiRequest<{ deleted: true }>(`/api/v1/saved-views/${id}`, { method: "DELETE" });
}
