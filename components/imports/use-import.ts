"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { ApiError } from "@/lib/api/client";
import { afterImport, importQueries, uploadImport } from "@/lib/imports/query-options";
import type { ImportJob, ImportKind, ImportReport } from "@/lib/imports/schemas";

export type ImportRequest = { file: File; kind: ImportKind; programmeId?: string; dryRun: boolean };

export type ImportState =
  | { kind: "idle" }
  | { kind: "uploading"; progress: number; dryRun: boolean }
  | { kind: "checking"; dryRun: boolean }
  | { kind: "job"; job: ImportJob }
  | { kind: "done"; report: ImportReport; request: ImportRequest }
  | { kind: "failed"; message: string };

/**
 * One import at a time: uploads with progress, then either the report (small files) or a job
 * polled until it is done; after an applied import every cached query is refreshed.
 */
export function useImport(failedMessage: (message: string) => string) {
  const queryClient = useQueryClient();
  const [state, setState] = useState<ImportState>({ kind: "idle" });
  const request = useRef<ImportRequest | null>(null);
  const abort = useRef<(() => void) | null>(null);
  const jobId = state.kind === "job" ? state.job.id : null;
  const job = useQuery({ ...importQueries.job(jobId ?? "none"), enabled: jobId !== null });

  useEffect(() => () => abort.current?.(), []);
  useEffect(() => {
    const data = job.data;
    if (!data || state.kind !== "job" || data.id !== state.job.id) return;
    if (data.state === "done" && data.report && request.current) {
      setState({ kind: "done", report: data.report, request: request.current });
      if (data.report.applied) afterImport(queryClient);
    } else if (data.state === "failed") {
      setState({ kind: "failed", message: failedMessage(data.error ?? "") });
    } else if (data.rowsChecked !== state.job.rowsChecked || data.state !== state.job.state) {
      setState({ kind: "job", job: data });
    }
  }, [job.data, state, queryClient, failedMessage]);

  function start(next: ImportRequest) {
    abort.current?.();
    request.current = next;
    setState({ kind: "uploading", progress: 0, dryRun: next.dryRun });
    const upload = uploadImport(next.file, next, (progress) =>
      setState((s) =>
        s.kind !== "uploading"
          ? s
          : progress < 1
            ? { ...s, progress }
            : { kind: "checking", dryRun: next.dryRun },
      ),
    );
    abort.current = upload.abort;
    upload.promise.then(
      (answer) => {
        if ("job" in answer) return setState({ kind: "job", job: answer.job });
        setState({ kind: "done", report: answer.report, request: next });
        if (answer.report.applied) afterImport(queryClient);
      },
      (error: unknown) => {
        if (error instanceof ApiError && error.code === "aborted") return;
        const message =
          error instanceof ApiError
            ? (Object.values(error.fields)[0] ?? error.message)
            : String(error);
        setState({ kind: "failed", message: failedMessage(message) });
      },
    );
  }

  const busy = state.kind === "uploading" || state.kind === "checking" || state.kind === "job";
  return { state, start, busy };
}
