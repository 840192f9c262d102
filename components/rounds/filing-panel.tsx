"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { useId, useRef, useState } from "react";
import { ApiError } from "@/lib/api/client";
import { Notice, field, useErrorText } from "@/components/ui/form";
import { asLocale, bilingual, formatDateTime } from "@/components/ui/formats";
import { useHydrated } from "@/components/ui/use-hydrated";
import { localName } from "@/lib/i18n/config";
import { ledgerQueries } from "@/lib/ledger/query-options";
import { fileRound } from "@/lib/rounds/query-options";
import { inlineLink } from "@/components/ui/styles";

type Unit = {
  id: string;
  code: string;
  nameZh: string;
  nameEn: string;
  filedAt: string | null;
  late: boolean;
};
/**
 * A liaison files an enterprise's ledger for the round. Filing first checks the open main items:
 * those without an entry for the period are listed, to be reported on their page or ticked
 * "no change"; with every one covered, the filing goes through (marked late after the window).
 */
export function FilingPanel({
  roundId,
  programmeId,
  period,
  lateNow,
  units,
}: {
  roundId: string;
  programmeId: string;
  period: string;
  lateNow: boolean;
  units: Unit[];
}) {
  const t = useTranslations("rounds.file");
  const format = useFormatter();
  const locale = asLocale(useLocale());
  const router = useRouter();
  const errorText = useErrorText();
  const uid = useId();
  const hydrated = useHydrated();
  const unfiled = units.filter((u) => !u.filedAt);
  const [enterpriseId, setEnterpriseId] = useState(unfiled[0]?.id ?? "");
  const [missing, setMissing] = useState<string[] | null>(null);
  const [ticked, setTicked] = useState<Set<string>>(new Set());
  const [pending, setPending] = useState(false);
  const [message, setMessage] = useState<{
    tone: "success" | "error" | "info";
    text: string;
  } | null>(null);
  const messageRef = useRef<HTMLDivElement>(null);
  const selected = units.find((u) => u.id === enterpriseId);

  const queryClient = useQueryClient();
  const items = useQuery({
    ...ledgerQueries.page({ enterpriseId, programmeId, mainOnly: true, limit: 200 }),
    enabled: Boolean(missing?.length && enterpriseId),
    staleTime: 60_000,
  });
  const rowsById = new Map((items.data?.items ?? []).map((r) => [r.id, r]));

  const say = (next: typeof message) => {
    setMessage(next);
    requestAnimationFrame(() => messageRef.current?.focus());
  };

  const file = async (noChangeItemIds: string[], step: "check" | "submit") => {
    if (!selected) return;
    setPending(true);
    setMessage(null);
    try {
      const result = await fileRound(roundId, { enterpriseId, noChangeItemIds });
      // "No change" entries were recorded: every view of the ledger is out of date.
      void queryClient.invalidateQueries({ queryKey: ledgerQueries.all });
      const name = localName(selected, locale);
      const at = formatDateTime(format, new Date(result.filedAt));
      say({
        tone: "success",
        text: [
          result.late
            ? t("filedLate", { enterprise: name, at })
            : t("filed", { enterprise: name, at }),
          result.noChangeEntries ? t("noChangeFiled", { count: result.noChangeEntries }) : "",
        ]
          .filter(Boolean)
          .join(" "),
      });
      setMissing(null);
      setTicked(new Set());
      setEnterpriseId(unfiled.find((u) => u.id !== enterpriseId)?.id ?? "");
      router.refresh();
    } catch (error) {
      const ids =
        error instanceof ApiError && error.status === 422
          ? (error.details.missingItemIds as string[] | undefined)
          : undefined;
      if (ids?.length) {
        setMissing(ids);
        setTicked((prev) => new Set([...prev].filter((id) => ids.includes(id))));
        // The check lists what is missing; a filing that still leaves items out is an error.
        say(
          step === "check"
            ? { tone: "info", text: t("itemsToCover", { count: ids.length }) }
            : { tone: "error", text: errorText(error) },
        );
      } else {
        say({ tone: "error", text: errorText(error) });
      }
    } finally {
      setPending(false);
    }
  };

  if (units.length === 0) return <p className="text-sm text-slate-700">{t("noUnits")}</p>;

  return (
    <div
      className="space-y-4"
      data-testid="filing-panel"
      data-hydrated={hydrated ? "true" : "false"}
    >
      {lateNow && (
        <Notice tone="info" testId="filing-late-warning">
          {t("lateWarning")}
        </Notice>
      )}
      <div ref={messageRef} tabIndex={-1} className="focus:outline-none">
        {message && (
          <Notice
            tone={message.tone}
            testId={message.tone === "success" ? "filing-done" : "filing-message"}
          >
            {message.text}
          </Notice>
        )}
      </div>
      {unfiled.length === 0 ? (
        <p className="text-sm text-slate-800" data-testid="all-filed">
          {t("allFiled", { period })}
        </p>
      ) : (
        <>
          <div className="flex flex-wrap items-end gap-3">
            <div>
              <label htmlFor={`${uid}-enterprise`} className={field.label}>
                {t("enterprise")}
              </label>
              <select
                id={`${uid}-enterprise`}
                value={enterpriseId}
                onChange={(e) => {
                  setEnterpriseId(e.target.value);
                  setMissing(null);
                  setTicked(new Set());
                  setMessage(null);
                }}
                className={field.input()}
                data-testid="filing-enterprise"
              >
                {unfiled.map((u) => (
                  <option key={u.id} value={u.id}>
                    {localName(u, locale)}
                  </option>
                ))}
              </select>
            </div>
            {!missing && (
              <button
                type="button"
                className={field.primary}
                disabled={pending || !enterpriseId}
                onClick={() => void file([], "check")}
                data-testid="filing-check"
              >
                {pending ? t("working") : t("check")}
              </button>
            )}
          </div>
          <p className="text-sm text-slate-700">{t("explain", { period })}</p>

          {missing && (
            <form
              noValidate
              onSubmit={(e) => {
                e.preventDefault();
                void file([...ticked], "submit");
              }}
              className="space-y-3"
              data-testid="no-change-form"
            >
              <fieldset className="rounded-md border border-slate-300 p-3">
                <legend className="px-1 text-sm font-semibold text-slate-900">
                  {t("missingLegend", { count: missing.length, period })}
                </legend>
                <p className="mb-2 text-sm text-slate-700">{t("missingHint")}</p>
                {items.isLoading && <p className="text-sm text-slate-700">{t("loadingItems")}</p>}
                <ul className="divide-y divide-slate-200">
                  {missing.map((id) => {
                    const row = rowsById.get(id);
                    const inputId = `${uid}-nc-${id}`;
                    return (
                      <li
                        key={id}
                        className="flex flex-wrap items-center justify-between gap-2 py-2"
                        data-testid="missing-item"
                        data-item-id={id}
                      >
                        <div className="flex items-start gap-2">
                          <input
                            id={inputId}
                            type="checkbox"
                            checked={ticked.has(id)}
                            onChange={(e) =>
                              setTicked((prev) => {
                                const next = new Set(prev);
                                if (e.target.checked) next.add(id);
                                else next.delete(id);
                                return next;
                              })
                            }
                            className="mt-0.5 h-4 w-4 rounded border-slate-400 accent-brand-700"
                          />
                          <label htmlFor={inputId} className="text-sm text-slate-900">
                            <span className="font-medium">{t("noChangeFor")}</span>{" "}
                            {row ? (
                              <>
                                <span className="font-mono text-xs text-slate-600">
                                  {row.task.code}
                                </span>{" "}
                                {bilingual(locale, row.task.titleZh, row.task.titleEn)}
                              </>
                            ) : (
                              t("itemFallback")
                            )}
                          </label>
                        </div>
                        <Link href={`/ledger/${id}`} className={`${inlineLink} text-sm`}>
                          {t("reportInstead")}
                        </Link>
                      </li>
                    );
                  })}
                </ul>
                <div className="mt-2 flex flex-wrap gap-2">
                  <button
                    type="button"
                    className={field.secondary}
                    onClick={() => setTicked(new Set(missing))}
                    data-testid="tick-all"
                  >
                    {t("tickAll")}
                  </button>
                  <button
                    type="button"
                    className={field.secondary}
                    onClick={() => setTicked(new Set())}
                  >
                    {t("untickAll")}
                  </button>
                </div>
              </fieldset>
              <div className="flex flex-wrap gap-2">
                <button
                  type="submit"
                  className={field.primary}
                  disabled={pending}
                  data-testid="filing-submit"
                >
                  {pending ? t("working") : t("submit", { count: ticked.size })}
                </button>
                <button
                  type="button"
                  className={field.secondary}
                  disabled={pending}
                  onClick={() => {
                    setMissing(null);
                    setTicked(new Set());
                    setMessage(null);
                  }}
                >
                  {t("cancel")}
                </button>
              </div>
            </form>
          )}
        </>
      )}
    </div>
  );
}
