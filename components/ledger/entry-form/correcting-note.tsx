"use client";

import { useFormatter, useTranslations } from "next-intl";
import { formatDateTime } from "@/components/ui/formats";
import type { EntryDto } from "@/lib/ledger/schemas";

/** Above a correction: which entry it corrects, and a way back to a fresh entry. */
export function CorrectingNote({ entry, onCancel }: { entry: EntryDto; onCancel: () => void }) {
  const t = useTranslations("ledger.form");
  const format = useFormatter();
  return (
    <div
      className="flex flex-wrap items-center justify-between gap-2 rounded-md border border-brand-100 bg-brand-50 px-3 py-2 text-sm text-slate-900"
      data-testid="correcting-note"
    >
      <p>
        {t("correcting", {
          period: entry.period,
          at: formatDateTime(format, new Date(entry.createdAt)),
        })}
      </p>
      <button
        type="button"
        onClick={onCancel}
        className="text-sm text-brand-700 underline focus-visible:outline-2 focus-visible:outline-brand-700"
      >
        {t("cancelCorrection")}
      </button>
    </div>
  );
}
