"use client";

import { useTranslations } from "next-intl";
import type { Ref } from "react";
import { EntryForm } from "@/components/ledger/entry-form/entry-form";
import type { EntryDto, LedgerItemDetail } from "@/lib/ledger/schemas";

/** "Record progress": the progress entry form, or the correction of an earlier entry. */
export function RecordSection({
  item,
  periods,
  seenVersion,
  onVersionSeen,
  correcting,
  formKey,
  onCancelCorrection,
  onSaved,
  headingRef,
}: {
  item: LedgerItemDetail;
  periods: string[];
  seenVersion: number;
  onVersionSeen: (version: number) => void;
  correcting: EntryDto | null;
  /** A new key mounts a fresh form: when a correction starts or is cancelled. */
  formKey: number;
  onCancelCorrection: () => void;
  onSaved: () => void;
  /** The heading, focused when a correction starts. */
  headingRef: Ref<HTMLHeadingElement>;
}) {
  const t = useTranslations("ledger");
  return (
    <section
      aria-labelledby="record-heading"
      className="rounded-lg border border-slate-200 bg-white shadow-sm"
      data-testid="record-section"
    >
      <div className="border-b border-slate-200 px-4 py-3">
        <h2
          id="record-heading"
          ref={headingRef}
          tabIndex={-1}
          className="text-base font-semibold text-slate-900 focus:outline-none"
        >
          {correcting ? t("form.correctingHeading") : t("form.progressHeading")}
        </h2>
        <p className="mt-0.5 text-sm text-slate-600">{t("form.progressIntro")}</p>
      </div>
      <div className="p-4">
        <EntryForm
          key={formKey}
          mode="progress"
          item={item}
          periods={periods}
          seenVersion={seenVersion}
          onVersionSeen={onVersionSeen}
          correcting={correcting}
          onCancelCorrection={onCancelCorrection}
          onSaved={onSaved}
        />
      </div>
    </section>
  );
}
