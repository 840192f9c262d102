/**
 * The browser's side of assignments: the live preview (a dry run of POST /api/v1/assignments),
 * the writers, and what each write makes stale. Client-safe. The matrix page is server-rendered
 * from the URL; `router.refresh()` after a write re-reads it.
 */
import { keepPreviousData, queryOptions, type QueryClient } from "@tanstack/react-query";
import { apiRequest } from "@/lib/api/client";
import { ledgerQueries } from "@/lib/ledger/query-options";
import type {
  ApplicabilityInput,
  ApplicabilityResult,
  AssignInput,
  AssignResult,
  Matrix,
} from "./schemas";

export type MatrixParams = {
  page?: number;
  pageSize?: number;
  subtreeOf?: string;
  supervisorIds?: string[];
  regions?: string[];
  functionalClasses?: string[];
  depths?: number[];
  taskIds?: string[];
};

/** The matrix's query string (lists comma-separated), without empty keys: also the page's URL. */
export function matrixSearch(params: MatrixParams): URLSearchParams {
  const out = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === "") continue;
    if (Array.isArray(value)) {
      if (value.length) out.set(key, value.join(","));
    } else out.set(key, String(value));
  }
  return out;
}

export const assignmentQueries = {
  all: ["assignments"] as const,
  /** What an assignment would do, without writing: counts and a sample. */
  preview: (body: Omit<AssignInput, "dryRun">) =>
    queryOptions({
      queryKey: [...assignmentQueries.all, "preview", body] as const,
      queryFn: ({ signal }) =>
        apiRequest<AssignResult>("/api/v1/assignments", {
          method: "POST",
          json: { ...body, dryRun: true },
          signal,
        }),
      placeholderData: keepPreviousData,
      retry: false,
      staleTime: 0,
    }),
  matrix: (programmeId: string, params: MatrixParams) =>
    queryOptions({
      queryKey: [...assignmentQueries.all, "matrix", programmeId, params] as const,
      queryFn: ({ signal }) =>
        apiRequest<Matrix>(
          `/api/v1/programmes/${programmeId}/matrix?${matrixSearch(params).toString()}`,
          { signal },
        ),
      placeholderData: keepPreviousData,
    }),
};

/** POST /api/v1/assignments. 422 carries field messages; 403/404 for enterprises not owned. */
export function assignTasks(body: Omit<AssignInput, "dryRun">) {
  return apiRequest<AssignResult>("/api/v1/assignments", {
    method: "POST",
    json: { ...body, dryRun: false },
  });
}

/** PATCH /api/v1/ledger-items/{id}/applicability. 409 carries `details.current`. */
export function setApplicability(itemId: string, body: ApplicabilityInput) {
  return apiRequest<ApplicabilityResult>(`/api/v1/ledger-items/${itemId}/applicability`, {
    method: "PATCH",
    json: body,
  });
}

/** New items or a changed one: every ledger view and every preview or matrix is stale. */
export function afterAssignmentWrite(queryClient: QueryClient) {
  void queryClient.invalidateQueries({ queryKey: ledgerQueries.all });
  void queryClient.invalidateQueries({ queryKey: assignmentQueries.all });
}
