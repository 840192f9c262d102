"use client";

import { useFormatter, useTranslations } from "next-intl";
import type { ImportState } from "./use-import";

/** Upload progress, then the rows checked and applied of a background job. */
export function ImportProgress({ state }: { state: ImportState }) {
  const t = useTranslations("imports");
  const format = useFormatter();
  if (state.kind === "uploading")
    return (
      <p className="flex items-center gap-2 text-sm text-slate-700">
        <progress
          className="h-2 w-48"
          max={1}
          value={state.progress}
          aria-label={t("uploadLabel")}
        />
        {t("uploading", { percent: format.number(state.progress, { style: "percent" }) })}
      </p>
    );
  if (state.kind === "checking")
    return (
      <p className="flex items-center gap-2 text-sm text-slate-700">
        <progress className="h-2 w-48" aria-label={t("progressLabel")} />
        {state.dryRun ? t("checking") : t("applying")}
      </p>
    );
  if (state.kind !== "job") return null;
  const { job } = state;
  const applying = job.phase === "applying";
  const done = applying ? job.rowsApplied : job.rowsChecked;
  const total = Math.max(job.rowsTotal, done, 1);
  return (
    <p className="flex items-center gap-2 text-sm text-slate-700" data-testid="import-job">
      <progress className="h-2 w-48" max={total} value={done} aria-label={t("progressLabel")} />
      {job.rowsTotal === 0
        ? t("checking")
        : t(applying ? "rowsApplied" : "rowsChecked", {
            done: format.number(done),
            total: format.number(job.rowsTotal),
          })}
    </p>
  );
}
