import { infiniteQueryOptions } from "@tanstack/react-query";
import { apiRequest } from "@/lib/api/client";
import type { EnterpriseSummary } from "./schemas";

export type EnterprisePageDto = { items: EnterpriseSummary[]; nextCursor: string | null };

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
};
