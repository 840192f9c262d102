"use client";

import clsx from "clsx";
import { useFormatter, useTranslations } from "next-intl";
import { useId, useRef } from "react";
import { ApiError } from "@/lib/api/client";
import {
  EVIDENCE_EXTENSIONS,
  evidenceHref,
  evidenceProblem,
  uploadEvidenceFile,
} from "@/lib/ledger/query-options";
import type { EvidenceDto } from "@/lib/ledger/schemas";

export type Upload = {
  key: string;
  name: string;
  size: number;
  progress: number;
  state: "uploading" | "done" | "error";
  error?: string;
  evidence?: EvidenceDto;
  abort?: () => void;
};

let counter = 0;

/**
 * Evidence files: each file uploads as soon as it is chosen (POST .../evidence), with its own
 * progress and error. The list lives in the parent so a failed submit (409/422) keeps it.
 */
export function EvidenceUploader({
  itemId,
  uploads,
  onChange,
  error,
  errorId,
  required,
}: {
  itemId: string;
  uploads: Upload[];
  onChange: (update: (current: Upload[]) => Upload[]) => void;
  error?: string;
  errorId: string;
  required?: boolean;
}) {
  const t = useTranslations("ledger.form");
  const tv = useTranslations("validation");
  const format = useFormatter();
  const inputId = useId();
  const hintId = useId();
  const input = useRef<HTMLInputElement>(null);

  const patch = (key: string, change: Partial<Upload>) =>
    onChange((current) => current.map((u) => (u.key === key ? { ...u, ...change } : u)));

  function start(file: File) {
    const key = `upload-${++counter}`;
    const problem = evidenceProblem(file);
    if (problem) {
      onChange((current) => [
        ...current,
        { key, name: file.name, size: file.size, progress: 0, state: "error", error: tv(problem) },
      ]);
      return;
    }
    const { promise, abort } = uploadEvidenceFile(itemId, file, (progress) =>
      patch(key, { progress }),
    );
    onChange((current) => [
      ...current,
      { key, name: file.name, size: file.size, progress: 0, state: "uploading", abort },
    ]);
    promise.then(
      (evidence) => patch(key, { state: "done", progress: 1, evidence, abort: undefined }),
      (reason: unknown) => {
        if (reason instanceof ApiError && reason.code === "aborted") return;
        const message =
          reason instanceof ApiError ? (reason.fields.file ?? reason.message) : String(reason);
        patch(key, { state: "error", error: message, abort: undefined });
      },
    );
  }

  const kb = (bytes: number) => format.number(Math.max(1, Math.round(bytes / 1024)));

  return (
    <fieldset
      className="space-y-2"
      aria-describedby={clsx(hintId, error && errorId)}
      data-testid="evidence-fieldset"
    >
      <legend className="text-sm font-medium text-slate-800">
        {t("evidence")}
        {required && (
          <span aria-hidden="true" className="text-red-700">
            {" "}
            *
          </span>
        )}
      </legend>
      <p id={hintId} className="text-xs text-slate-600">
        {t("evidenceHint")}
      </p>
      <div>
        <label
          htmlFor={inputId}
          className="inline-flex cursor-pointer items-center rounded-md border border-slate-400 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-50 has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-brand-700"
        >
          {t("chooseFiles")}
          <input
            ref={input}
            id={inputId}
            type="file"
            multiple
            accept={EVIDENCE_EXTENSIONS.map((e) => `.${e}`).join(",")}
            aria-describedby={clsx(hintId, error && errorId)}
            aria-invalid={error ? true : undefined}
            aria-required={required || undefined}
            className="sr-only"
            data-testid="evidence-input"
            onChange={(event) => {
              const files = Array.from(event.target.files ?? []);
              files.forEach(start);
              // Choosing the same file again after removing it must fire a change.
              event.target.value = "";
            }}
          />
        </label>
      </div>
      {error && (
        <p id={errorId} className="text-sm text-red-800" data-testid="evidence-error">
          {error}
        </p>
      )}
      {uploads.length > 0 && (
        <ul
          className="divide-y divide-slate-200 rounded-md border border-slate-200"
          aria-live="polite"
          data-testid="upload-list"
        >
          {uploads.map((u) => (
            <li
              key={u.key}
              className="flex flex-wrap items-center gap-x-3 gap-y-1 px-3 py-2 text-sm"
              data-testid="upload"
              data-state={u.state}
            >
              <span className="min-w-0 flex-1 truncate font-medium text-slate-900">
                {u.state === "done" && u.evidence ? (
                  <a
                    href={evidenceHref(u.evidence.id)}
                    className="text-brand-700 underline underline-offset-2 hover:decoration-2"
                  >
                    {u.name}
                  </a>
                ) : (
                  u.name
                )}
              </span>
              <span className="text-xs text-slate-600 tabular-nums">{kb(u.size)} KB</span>
              {u.state === "uploading" && (
                <span className="inline-flex items-center gap-2 text-xs text-slate-700">
                  <progress
                    max={1}
                    value={u.progress}
                    aria-label={t("progressLabel", { name: u.name })}
                    className="h-2 w-24"
                  />
                  {t("uploading", { percent: format.number(u.progress, { style: "percent" }) })}
                </span>
              )}
              {u.state === "done" && (
                <span className="text-xs font-medium text-green-800">{t("uploaded")}</span>
              )}
              {u.state === "error" && (
                <span role="alert" className="basis-full text-xs text-red-800">
                  {t("uploadFailed", { message: u.error ?? "" })}
                </span>
              )}
              <button
                type="button"
                onClick={() => {
                  u.abort?.();
                  onChange((current) => current.filter((x) => x.key !== u.key));
                }}
                className="rounded px-1.5 py-0.5 text-xs text-slate-700 underline hover:text-red-800 focus-visible:outline-2 focus-visible:outline-brand-700"
              >
                {t("removeFile", { name: u.name })}
              </button>
            </li>
          ))}
        </ul>
      )}
    </fieldset>
  );
}
