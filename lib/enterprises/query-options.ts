import { infiniteQueryOptions, queryOptions, type QueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import { apiRequest } from "@/lib/api/client";
import { ledgerQueries } from "@/lib/ledger/query-options";
import type { EnterpriseSummary } from "./schemas";
import type {
  CreateEnterpriseInput,
  MergeCounts,
  MergeEnterpriseInput,
  MoveEnterpriseInput,
  UpdateEnterpriseInput,
} from "./write-schemas";

export type EnterprisePageDto = { items: EnterpriseSummary[]; nextCursor: string | null };
export type MergePreviewDto = MergeCounts & { subtree: number };
export type MergeResultDto = MergeCounts & {
  mergeId: string;
  survivorId: string;
  absorbedId: string;
};
export type MoveResultDto = { subtree: number; moved: boolean; supervised: number };

function fetchEnterprises(
  params: Record<string, string>,
  signal?: AbortSignal,
): Promise<EnterprisePageDto> {
  return apiRequest<EnterprisePageDto>(`/api/v1/enterprises?${new URLSearchParams(params)}`, {
    signal,
  });
}

/** Query-option factories for the enterprise tree: one key a parent, invalidated through here. */
export const enterpriseQueries = {
  all: ["enterprises"] as const,
  children: (parentId: string) =>
    infiniteQueryOptions({
      queryKey: [...enterpriseQueries.all, "children", parentId] as const,
      queryFn: ({ pageParam, signal }) =>
        fetchEnterprises(
          { parentId, limit: "200", ...(pageParam ? { cursor: pageParam } : {}) },
          signal,
        ),
      initialPageParam: null as string | null,
      getNextPageParam: (last) => last.nextCursor,
    }),
  /** What merging `id` into `survivorId` would move (GET /enterprises/{id}/merge). */
  mergePreview: (id: string, survivorId: string) =>
    queryOptions({
      queryKey: [...enterpriseQueries.all, "merge-preview", id, survivorId] as const,
      queryFn: ({ signal }) =>
        apiRequest<MergePreviewDto>(
          `/api/v1/enterprises/${id}/merge?${new URLSearchParams({ survivorId })}`,
          { signal },
        ),
      staleTime: 0,
    }),
};

/** POST /api/v1/enterprises. Throws ApiError (422 with field messages). */
export function createEnterprise(body: z.input<typeof CreateEnterpriseInput>) {
  return apiRequest<{ id: string }>("/api/v1/enterprises", { method: "POST", json: body });
}

/** PATCH /api/v1/enterprises/{id} with the version read (409 when stale). */
export function updateEnterprise(id: string, body: z.input<typeof UpdateEnterpriseInput>) {
  return apiRequest<{ id: string; version: number }>(`/api/v1/enterprises/${id}`, {
    method: "PATCH",
    json: body,
  });
}

/** POST /api/v1/enterprises/{id}/move. */
export function moveEnterprise(id: string, body: z.input<typeof MoveEnterpriseInput>) {
  return apiRequest<MoveResultDto>(`/api/v1/enterprises/${id}/move`, {
    method: "POST",
    json: body,
  });
}

/** POST /api/v1/enterprises/{id}/merge: `id` is absorbed into `survivorId`. */
export function mergeEnterprise(id: string, body: z.input<typeof MergeEnterpriseInput>) {
  return apiRequest<MergeResultDto>(`/api/v1/enterprises/${id}/merge`, {
    method: "POST",
    json: body,
  });
}

/**
 * After a registry write the tree is stale; a merge also moves ledger items, so every ledger
 * view is stale too. (Enterprise pages are server-rendered: `router.refresh()`.)
 */
export function afterEnterpriseWrite(queryClient: QueryClient, options: { ledger?: boolean } = {}) {
  void queryClient.invalidateQueries({ queryKey: enterpriseQueries.all });
  if (options.ledger) void queryClient.invalidateQueries({ queryKey: ledgerQueries.all });
}
