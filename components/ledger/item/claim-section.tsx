"use client";

import { useTranslations } from "next-intl";
import { EntryForm } from "@/components/ledger/entry-form/entry-form";
import type { LedgerItemDetail } from "@/lib/ledger/schemas";

/** "Claim completion": folded until asked for, then the claim form (statement and evidence). */
export function ClaimSection({
  item,
  periods,
  seenVersion,
  onVersionSeen,
  open,
  onToggle,
}: {
  item: LedgerItemDetail;
  periods: string[];
  seenVersion: number;
  onVersionSeen: (version: number) => void;
  open: boolean;
  onToggle: () => void;
}) {
  const t = useTranslations("ledger");
  return (
    <section
      aria-labelledby="claim-heading"
      className="rounded-lg border border-slate-200 bg-white shadow-sm"
      data-testid="claim-section"
    >
      <div className="flex flex-wrap items-start justify-between gap-2 border-b border-slate-200 px-4 py-3">
        <div>
          <h2 id="claim-heading" className="text-base font-semibold text-slate-900">
            {t("form.claimHeading")}
          </h2>
          <p className="mt-0.5 max-w-3xl text-sm text-slate-600">{t("form.claimIntro")}</p>
        </div>
        <button
          type="button"
          aria-expanded={open}
          aria-controls="claim-body"
          onClick={onToggle}
          className="rounded-md border border-brand-700 bg-white px-3 py-1.5 text-sm font-medium text-brand-700 hover:bg-brand-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-700"
          data-testid="open-claim"
        >
          {open ? t("form.closeClaim") : t("form.openClaim")}
        </button>
      </div>
      <div id="claim-body" hidden={!open} className="p-4">
        {open && (
          <EntryForm
            mode="claim"
            item={item}
            periods={periods}
            seenVersion={seenVersion}
            onVersionSeen={onVersionSeen}
          />
        )}
      </div>
    </section>
  );
}
