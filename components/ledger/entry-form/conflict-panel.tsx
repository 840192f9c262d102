"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useEffect, useRef } from "react";
import { formatDateTime } from "@/components/ui/formats";
import type { ConflictDetails } from "@/lib/ledger/query-options";

/**
 * A 409: someone moved the item on while this user was typing. Shows the item as it is now and
 * what changed, and lets the user send their draft on top of the latest version or drop it.
 */
export function ConflictPanel({
  conflict,
  onResubmit,
  onDiscard,
  busy,
}: {
  conflict: ConflictDetails;
  onResubmit: () => void;
  onDiscard: () => void;
  busy: boolean;
}) {
  const t = useTranslations("ledger.conflict");
  const ts = useTranslations("status");
  const format = useFormatter();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);

  const { current } = conflict;
  const percent = (n: number) => format.number(n / 100, { style: "percent" });

  return (
    <div
      ref={ref}
      tabIndex={-1}
      role="alert"
      aria-labelledby="conflict-heading"
      data-testid="conflict-panel"
      className="rounded-md border-2 border-amber-500 bg-amber-50 p-4 text-sm text-slate-900 focus:outline-2 focus:outline-offset-2 focus:outline-amber-600"
    >
      <h3 id="conflict-heading" className="text-base font-semibold text-amber-950">
        {t("heading")}
      </h3>
      <p className="mt-1">{t("body")}</p>
      <dl className="mt-3">
        <dt className="font-medium">{t("current")}</dt>
        <dd data-testid="conflict-current">
          {t("currentState", {
            percent: percent(current.percentDone),
            status: ts(current.status),
            version: current.version,
          })}
        </dd>
      </dl>
      {conflict.changes.length > 0 && (
        <>
          <h4 className="mt-3 font-medium">{t("changes")}</h4>
          <ul className="mt-1 list-disc space-y-0.5 pl-5" data-testid="conflict-changes">
            {conflict.changes.map((change, i) => {
              const after = (change.after ?? {}) as { percentDone?: number };
              const action =
                change.action === "ledgerItem.recordProgress"
                  ? t("action.recordProgress", { percent: percent(after.percentDone ?? 0) })
                  : change.action === "ledgerItem.claimCompletion"
                    ? t("action.claimCompletion")
                    : t("action.other");
              return (
                <li key={i}>
                  {t("change", {
                    by: change.by ? change.by.replace(/ \((session|token)\)$/, "") : t("someone"),
                    at: formatDateTime(format, new Date(change.at)),
                    action,
                  })}
                </li>
              );
            })}
          </ul>
        </>
      )}
      <div className="mt-4 flex flex-wrap gap-2">
        <button
          type="button"
          onClick={onResubmit}
          disabled={busy}
          data-testid="conflict-resubmit"
          className="rounded-md bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-900 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-700 disabled:opacity-60"
        >
          {t("resubmit")}
        </button>
        <button
          type="button"
          onClick={onDiscard}
          disabled={busy}
          data-testid="conflict-discard"
          className="rounded-md border border-slate-400 bg-white px-4 py-2 text-sm font-medium text-slate-800 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-700 disabled:opacity-60"
        >
          {t("discard")}
        </button>
      </div>
    </div>
  );
}
