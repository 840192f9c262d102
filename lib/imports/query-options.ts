/**
 * The browser's side of the Excel round-trip: uploading a workbook (with upload progress) for a
 * dry run or for applying, and polling a background import job. Client-safe.
 */
import { queryOptions, type QueryClient } from "@tanstack/react-query";
import { apiRequest, apiUpload } from "@/lib/api/client";
import type { ImportJob, ImportKind, ImportReport } from "./schemas";

/** How often a running import job is asked for its progress. */
export const JOB_POLL_MS = 1_000;

export const importQueries = {
  all: ["imports"] as const,
  job: (id: string) =>
    queryOptions({
      queryKey: [...importQueries.all, "job", id] as const,
      queryFn: ({ signal }) => apiRequest<ImportJob>(`/api/v1/imports/jobs/${id}`, { signal }),
      refetchInterval: (query) => {
        const state = query.state.data?.state;
        return state === "done" || state === "failed" ? false : JOB_POLL_MS;
      },
    }),
};

export type ImportAnswer = { report: ImportReport } | { job: ImportJob };

/**
 * POST /api/v1/imports with the file; the other fields travel in the query string (the upload
 * helper sends the file alone). Small files answer the report, large ones a job to poll.
 */
export function uploadImport(
  file: File,
  fields: { kind: ImportKind; programmeId?: string; dryRun: boolean },
  onProgress: (fraction: number) => void,
): { promise: Promise<ImportAnswer>; abort: () => void } {
  const query = new URLSearchParams({ kind: fields.kind, dryRun: String(fields.dryRun) });
  if (fields.kind !== "registry" && fields.programmeId)
    query.set("programmeId", fields.programmeId);
  const upload = apiUpload<ImportReport | ImportJob>(`/api/v1/imports?${query}`, file, onProgress);
  return {
    promise: upload.promise.then((body) => ("state" in body ? { job: body } : { report: body })),
    abort: upload.abort,
  };
}

/** After an applied import the catalogue, registry and ledgers have changed: refetch them all. */
export function afterImport(queryClient: QueryClient) {
  void queryClient.invalidateQueries();
}
