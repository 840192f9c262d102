"use client";

import { useLocale, useTranslations } from "next-intl";
import { useEffect, useId, useRef, useState } from "react";
import { field } from "@/components/ui/styles";
import { ApiError, apiRequest } from "@/lib/api/client";
import {
  BULLETIN_FORMATS,
  bulletinUrl,
  type BulletinFormat,
  type BulletinJob,
} from "@/lib/bulletins/schemas";
import type { DashboardQuery } from "@/lib/dashboard/schemas";
import { LOCALES, type Locale } from "@/lib/i18n/config";
import { asLocale } from "@/components/ui/formats";

type State =
  | { kind: "idle" }
  | { kind: "working"; progress: number | null }
  | { kind: "done" }
  | { kind: "failed"; message: string };

const POLL_MS = 1_000;

/**
 * "Download bulletin": the dashboard's query as a PDF or Excel file, in either language. Small
 * scopes download at once; for large ones the API answers with a job, whose progress shows here
 * until the file is ready.
 */
export function BulletinDownload({ query }: { query: DashboardQuery }) {
  const t = useTranslations("bulletin.control");
  const tl = useTranslations("locale");
  const uiLocale = asLocale(useLocale());
  const [format, setFormat] = useState<BulletinFormat>("pdf");
  const [lang, setLang] = useState<Locale>(uiLocale);
  const [state, setState] = useState<State>({ kind: "idle" });
  const alive = useRef(true);
  const id = useId();
  useEffect(() => () => void (alive.current = false), []);

  async function download() {
    setState({ kind: "working", progress: null });
    try {
      const { compareTo: _ignored, ...node } = query;
      const response = await fetch(bulletinUrl({ ...node, format, lang }), {
        credentials: "same-origin",
      });
      if (response.status === 202) {
        const job = await waitFor((await response.json()) as BulletinJob);
        if (job) {
          saveUrl(job.downloadUrl!);
          setState({ kind: "done" });
        }
        return;
      }
      if (!response.ok) {
        const body = (await response.json().catch(() => null)) as {
          error?: { message?: string };
        } | null;
        throw new ApiError(response.status, "error", body?.error?.message ?? t("failed"));
      }
      saveBlob(await response.blob(), fileNameOf(response) ?? `bulletin.${format}`);
      setState({ kind: "done" });
    } catch (error) {
      if (alive.current)
        setState({
          kind: "failed",
          message: error instanceof ApiError && error.status ? error.message : t("failed"),
        });
    }
  }

  async function waitFor(job: BulletinJob): Promise<BulletinJob | null> {
    let current = job;
    while (alive.current && current.state !== "done") {
      if (current.state === "failed") throw new Error("failed");
      setState({ kind: "working", progress: current.progress });
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      current = await apiRequest<BulletinJob>(`/api/v1/bulletins/jobs/${current.id}`);
    }
    return alive.current ? current : null;
  }

  const working = state.kind === "working";
  return (
    <div className="flex flex-wrap items-end gap-3" data-testid="bulletin-download">
      <div>
        <label className={field.label} htmlFor={`${id}-format`}>
          {t("format")}
        </label>
        <select
          id={`${id}-format`}
          className={field.input()}
          value={format}
          onChange={(e) => setFormat(e.target.value as BulletinFormat)}
        >
          {BULLETIN_FORMATS.map((f) => (
            <option key={f} value={f}>
              {t(f)}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label className={field.label} htmlFor={`${id}-lang`}>
          {t("language")}
        </label>
        <select
          id={`${id}-lang`}
          className={field.input()}
          value={lang}
          onChange={(e) => setLang(e.target.value as Locale)}
        >
          {LOCALES.map((l) => (
            <option key={l} value={l}>
              {tl(l)}
            </option>
          ))}
        </select>
      </div>
      <button type="button" className={field.primary} disabled={working} onClick={download}>
        {t("download")}
      </button>
      <div role="status" aria-live="polite" className="min-h-5 text-sm text-slate-700">
        {working && state.progress !== null ? (
          <>
            <progress className="mr-2 align-middle" max={100} value={state.progress} />
            {t("preparing", { progress: state.progress })}
          </>
        ) : null}
        {state.kind === "done" ? t("ready") : null}
        {state.kind === "failed" ? <span className="text-red-800">{state.message}</span> : null}
      </div>
    </div>
  );
}

function fileNameOf(response: Response): string | null {
  const header = response.headers.get("content-disposition") ?? "";
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(header)?.[1];
  return encoded ? decodeURIComponent(encoded) : null;
}

function saveBlob(blob: Blob, fileName: string) {
  const url = URL.createObjectURL(blob);
  const link = Object.assign(document.createElement("a"), { href: url, download: fileName });
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The server names the file (Content-Disposition: attachment), so following the link downloads. */
function saveUrl(url: string) {
  Object.assign(document.createElement("a"), { href: url }).click();
}
