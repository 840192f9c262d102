"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import type { EntryDto, LedgerItemDetail } from "@/lib/ledger/schemas";
import { EntryCard } from "./timeline-entry";

/** Entries shown at first and added by each "show earlier". */
const PAGE = 10;

/** The item's progress entries, newest first, each with its figures, files, links and reviews. */
export function Timeline({
  item,
  onCorrect,
}: {
  item: LedgerItemDetail;
  onCorrect?: (entry: EntryDto) => void;
}) {
  const t = useTranslations("ledger.timeline");
  const format = useFormatter();
  const [shown, setShown] = useState(PAGE);
  if (item.entries.length === 0) return <p className="text-sm text-slate-700">{t("empty")}</p>;
  const byId = new Map(item.entries.map((e) => [e.id, e]));
  const remaining = item.entries.length - shown;
  return (
    <>
      <ol className="space-y-4" data-testid="timeline">
        {item.entries.slice(0, shown).map((entry) => (
          <EntryCard
            key={entry.id}
            entry={entry}
            item={item}
            corrected={entry.correctsId ? (byId.get(entry.correctsId) ?? null) : undefined}
            onCorrect={onCorrect}
          />
        ))}
      </ol>
      {remaining > 0 && (
        <div className="mt-4 flex justify-center">
          <button
            type="button"
            onClick={() => setShown((n) => n + PAGE)}
            className="rounded-md border border-brand-700 bg-white px-4 py-2 text-sm font-medium text-brand-700 hover:bg-brand-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-700"
          >
            {t("showMore", { count: format.number(remaining) })}
          </button>
        </div>
      )}
    </>
  );
}
