"use client";

import { useTranslations } from "next-intl";
import { useCallback, useId, useState } from "react";
import { Section } from "@/components/ui/section";
import { field, inlineLink } from "@/components/ui/styles";
import { useHydrated } from "@/components/ui/use-hydrated";
import { IMPORT_KINDS, NEEDS_PROGRAMME, exportHref, type ImportKind } from "@/lib/imports/schemas";
import { ImportProgress } from "./import-progress";
import { ImportReportView } from "./import-report";
import { useImport, type ImportRequest } from "./use-import";

type Programme = { id: string; label: string };

const sameFile = (a: File | null, b: File | null) =>
  !!a && !!b && a.name === b.name && a.size === b.size && a.lastModified === b.lastModified;

/**
 * Downloads (exports and blank templates per kind) and the import: choose a workbook, check it in
 * a dry run, and apply it only once a dry run of that same file found no problems.
 */
export function ImportsPanel({ programmes }: { programmes: Programme[] }) {
  const t = useTranslations("imports");
  const id = useId();
  const [kind, setKind] = useState<ImportKind>("catalogue");
  const [programmeId, setProgrammeId] = useState(programmes[0]?.id ?? "");
  const [file, setFile] = useState<File | null>(null);
  const failed = useCallback((message: string) => t("failed", { message }), [t]);
  const { state, start, busy } = useImport(failed);
  const hydrated = useHydrated();
  const needsProgramme = NEEDS_PROGRAMME[kind];
  const ready = !!file && (!needsProgramme || !!programmeId);

  const checked =
    state.kind === "done" &&
    state.report.dryRun &&
    state.report.problemCount === 0 &&
    sameRequest(state.request, { file, kind, programmeId });
  const run = (dryRun: boolean) =>
    file && start({ file, kind, programmeId: needsProgramme ? programmeId : undefined, dryRun });

  return (
    <div className="space-y-5" data-testid="imports-panel" data-hydrated={hydrated}>
      <Section id={`${id}-choose`} title={t("exportTitle")}>
        <div className="flex flex-wrap items-end gap-4">
          <div>
            <label className={field.label} htmlFor={`${id}-kind`}>
              {t("kind")}
            </label>
            <select
              id={`${id}-kind`}
              className={field.input()}
              value={kind}
              data-testid="import-kind"
              onChange={(e) => setKind(e.target.value as ImportKind)}
            >
              {IMPORT_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`kinds.${k}`)}
                </option>
              ))}
            </select>
          </div>
          {needsProgramme && (
            <div>
              <label className={field.label} htmlFor={`${id}-programme`}>
                {t("programme")}
              </label>
              <select
                id={`${id}-programme`}
                className={field.input()}
                value={programmeId}
                data-testid="import-programme"
                onChange={(e) => setProgrammeId(e.target.value)}
              >
                {programmes.length === 0 && <option value="">{t("chooseProgramme")}</option>}
                {programmes.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.label}
                  </option>
                ))}
              </select>
            </div>
          )}
          <p className="flex flex-wrap gap-4 pb-2 text-sm">
            <a
              className={inlineLink}
              href={exportHref(kind, { programmeId })}
              data-testid="download-export"
            >
              {t("downloadExport")}
            </a>
            <a
              className={inlineLink}
              href={exportHref(kind, { programmeId, template: true })}
              data-testid="download-template"
            >
              {t("downloadTemplate")}
            </a>
          </p>
        </div>
      </Section>

      <Section id={`${id}-import`} title={t("importTitle")}>
        <div className="space-y-4">
          <div>
            <label className={field.label} htmlFor={`${id}-file`}>
              {t("file")}
            </label>
            <input
              id={`${id}-file`}
              type="file"
              accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              aria-describedby={`${id}-file-hint`}
              className="mt-1 block text-sm text-slate-800 file:mr-3 file:rounded-md file:border file:border-slate-400 file:bg-white file:px-3 file:py-1.5 file:text-sm file:font-medium"
              data-testid="import-file"
              onChange={(e) => setFile(e.target.files?.[0] ?? null)}
            />
            <p id={`${id}-file-hint`} className={field.hint}>
              {t("fileHint")}
            </p>
          </div>
          <div className="flex flex-wrap items-center gap-3">
            <button
              type="button"
              className={field.secondary}
              disabled={!ready || busy}
              onClick={() => run(true)}
              data-testid="import-check"
            >
              {t("check")}
            </button>
            <button
              type="button"
              className={field.primary}
              disabled={!ready || busy || !checked}
              aria-describedby={`${id}-apply-hint`}
              onClick={() => run(false)}
              data-testid="import-apply"
            >
              {t("apply")}
            </button>
            <span id={`${id}-apply-hint`} className="text-xs text-slate-600">
              {t("applyHint")}
            </span>
          </div>
          <div aria-live="polite" className="min-h-5" data-testid="import-status">
            <ImportProgress state={state} />
            {state.kind === "failed" && (
              <p role="alert" className="text-sm text-red-800" data-testid="import-error">
                {state.message}
              </p>
            )}
          </div>
          {state.kind === "done" && <ImportReportView report={state.report} />}
        </div>
      </Section>
    </div>
  );

  function sameRequest(
    done: ImportRequest,
    now: { file: File | null; kind: ImportKind; programmeId: string },
  ) {
    return (
      sameFile(done.file, now.file) &&
      done.kind === now.kind &&
      (!NEEDS_PROGRAMME[now.kind] || done.programmeId === now.programmeId)
    );
  }
}
