"use client";

import { useTranslations } from "next-intl";
import type { LedgerItemDetail } from "@/lib/ledger/schemas";

/**
 * In place of the forms when the item takes no more entries (completed, not applicable, or a
 * completion claim under review): why, and the two actions shown disabled.
 */
export function ClosedNotice({ item, reason }: { item: LedgerItemDetail; reason: string }) {
  const t = useTranslations("ledger");
  return (
    <section
      aria-labelledby="closed-heading"
      className="rounded-lg border border-amber-300 bg-amber-50 p-4"
      data-testid={item.status === "COMPLETION_CLAIMED" ? "awaiting-review" : "entries-closed"}
    >
      <h2 id="closed-heading" className="text-base font-semibold text-amber-950">
        {item.status === "COMPLETION_CLAIMED"
          ? t("form.awaitingReviewShort")
          : t("form.disabledTitle")}
      </h2>
      <p className="mt-1 text-sm text-slate-900">{reason}</p>
      <div className="mt-3 flex flex-wrap gap-2">
        <button
          type="button"
          disabled
          aria-describedby="closed-heading"
          className="rounded-md bg-slate-300 px-4 py-2 text-sm font-medium text-slate-700"
        >
          {t("form.progressHeading")}
        </button>
        <button
          type="button"
          disabled
          aria-describedby="closed-heading"
          className="rounded-md bg-slate-300 px-4 py-2 text-sm font-medium text-slate-700"
        >
          {t("form.claimHeading")}
        </button>
      </div>
    </section>
  );
}
