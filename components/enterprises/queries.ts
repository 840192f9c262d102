import { infiniteQueryOptions } from "@tanstack/react-query";
import type { EnterpriseSummary } from "@/lib/enterprises/schemas";

export type EnterprisePageDto = { items: EnterpriseSummary[]; nextCursor: string | null };

async function fetchEnterprises(params: Record<string, string>): Promise<EnterprisePageDto> {
  const response = await fetch(`/api/v1/enterprises?${new URLSearchParams(params)}`, {
    headers: { accept: "application/json" },
    credentials: "same-origin",
  });
  if (!response.ok) throw new Error(`GET /api/v1/enterprises: ${response.status}`);
  return (await response.json()) as EnterprisePageDto;
}

/** Query-option factories for the enterprise tree: one key a parent, invalidated through here. */
export const enterpriseQueries = {
  all: ["enterprises"] as const,
  children: (parentId: string) =>
    infiniteQueryOptions({
      queryKey: [...enterpriseQueries.all, "children", parentId] as const,
      queryFn: ({ pageParam }) =>
        fetchEnterprises({ parentId, limit: "200", ...(pageParam ? { cursor: pageParam } : {}) }),
      initialPageParam: null as string | null,
      getNextPageParam: (last) => last.nextCursor,
    }),
};
