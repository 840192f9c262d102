"use client";

import clsx from "clsx";
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { useDeadlineText } from "@/components/notices/deadline";
import { formatDateTime } from "@/components/ui/formats";
import type { LedgerItemDetail } from "@/lib/ledger/schemas";

const LEVEL_CLASS = {
  BLUE: "bg-sky-50 text-sky-900 ring-sky-300",
  YELLOW: "bg-amber-50 text-amber-900 ring-amber-400",
  RED: "bg-red-50 text-red-900 ring-red-300",
} as const;

/** Supervision notices (督办) on the item: level, state, what is required and by when. */
export function Notices({ notices }: { notices: LedgerItemDetail["notices"] }) {
  const t = useTranslations("ledger.notices");
  const format = useFormatter();
  const deadlineText = useDeadlineText();
  if (notices.length === 0) return <p className="text-sm text-slate-700">{t("empty")}</p>;
  return (
    <ul className="space-y-3" data-testid="notices">
      {notices.map((n) => (
        <li
          key={n.id}
          className="rounded-md border border-slate-200 p-3 text-sm"
          data-testid="notice"
        >
          <div className="flex flex-wrap items-center gap-2">
            <span
              className={clsx(
                "inline-block rounded px-1.5 py-0.5 text-xs font-medium ring-1 ring-inset",
                LEVEL_CLASS[n.level],
              )}
            >
              {t(`level.${n.level}`)}
            </span>
            <Link
              href={`/notices/${n.id}`}
              className="font-medium text-brand-700 underline underline-offset-2 hover:decoration-2 focus-visible:outline-2 focus-visible:outline-brand-700"
            >
              <span className="sr-only">{t("number")}: </span>
              {n.number}
            </Link>
            <span className="text-xs font-medium text-slate-700">{t(`status.${n.status}`)}</span>
          </div>
          <dl className="mt-2 grid gap-x-6 gap-y-1 sm:grid-cols-[auto_1fr]">
            <dt className="text-slate-600">{t("requiredAction")}</dt>
            <dd className="whitespace-pre-wrap">{n.requiredAction}</dd>
            <dt className="text-slate-600">{t("responseDue")}</dt>
            <dd className="tabular-nums">{deadlineText(n.responseDueAt)}</dd>
            <dt className="text-slate-600">{t("issuedAt")}</dt>
            <dd className="tabular-nums">{formatDateTime(format, new Date(n.createdAt))}</dd>
          </dl>
        </li>
      ))}
    </ul>
  );
}
