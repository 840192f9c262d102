"use client";

import Link from "next/link";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { ColourBadge } from "@/components/ui/colour-badge";
import { PercentBar, StatusBadge } from "@/components/ui/badges";
import { asLocale, bilingual, formatDateTime, formatDay } from "@/components/ui/formats";
import { table } from "@/components/ui/section";
import { localName } from "@/lib/i18n/config";
import type { LedgerItemDetail } from "@/lib/ledger/schemas";

/** What the task is, what "done" means, who is responsible, by when, and where it stands. */
export function ItemOverview({ item }: { item: LedgerItemDetail }) {
  const t = useTranslations("ledger.item");
  const tc = useTranslations("common");
  const format = useFormatter();
  const locale = asLocale(useLocale());
  const description = bilingual(locale, item.task.descriptionZh, item.task.descriptionEn);
  const doneCriteria = bilingual(locale, item.task.doneCriteriaZh, item.task.doneCriteriaEn);
  const none = tc("none");

  const facts: [string, React.ReactNode, string?][] = [
    [t("programme"), localName(item.programme, locale)],
    [
      t("enterprise"),
      <Link key="e" href={`/enterprises/${item.enterprise.id}`} className={table.link}>
        {localName(item.enterprise, locale)}
      </Link>,
    ],
    [t("category"), localName(item.category, locale)],
    [t("main"), item.isMain ? tc("yes") : tc("no")],
    [t("responsibleDept"), item.responsibleDept ?? none],
    [t("responsiblePerson"), item.responsiblePerson ?? none],
    [t("responsiblePhone"), item.responsiblePhone ?? none],
    [t("dueDate"), formatDay(format, new Date(item.dueDate), "long"), "item-due"],
    [t("status"), <StatusBadge key="s" status={item.status} />, "item-status"],
    [
      t("percentDone"),
      <PercentBar
        key="p"
        value={item.percentDone}
        label={format.number(item.percentDone / 100, { style: "percent" })}
      />,
      "item-percent",
    ],
    [
      t("lastUpdate"),
      item.lastEntryAt ? formatDateTime(format, new Date(item.lastEntryAt)) : none,
      "item-last-update",
    ],
  ];
  if (item.claimedAt)
    facts.push([t("claimedAt"), formatDateTime(format, new Date(item.claimedAt))]);
  if (item.completedAt)
    facts.push([t("completedAt"), formatDateTime(format, new Date(item.completedAt))]);

  return (
    <div className="space-y-4">
      <div className="rounded-md border border-slate-200 bg-slate-50 p-3">
        <p className="text-xs font-semibold text-slate-700">{t("colour")}</p>
        <div className="mt-1">
          <ColourBadge colour={item.colour} showReason />
        </div>
        <p className="mt-1 text-xs text-slate-600">
          {t("colourRule", {
            points: item.programme.behindPlanPoints,
            days: item.programme.dueSoonDays,
          })}
        </p>
        {item.notApplicable && (
          <p className="mt-1 text-sm text-slate-800">
            {t("notApplicable", { reason: item.notApplicableReason ?? none })}
          </p>
        )}
      </div>
      {description && (
        <div>
          <h3 className="text-sm font-semibold text-slate-900">{t("description")}</h3>
          <p className="mt-1 text-sm whitespace-pre-wrap text-slate-800">{description}</p>
        </div>
      )}
      <div>
        <h3 className="text-sm font-semibold text-slate-900">{t("doneCriteria")}</h3>
        <p className="mt-1 text-sm whitespace-pre-wrap text-slate-800" data-testid="done-criteria">
          {doneCriteria ?? none}
        </p>
      </div>
      <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-2 lg:grid-cols-3">
        {facts.map(([label, value, testId]) => (
          <div key={label} className="flex flex-col">
            <dt className="text-xs text-slate-600">{label}</dt>
            <dd className="text-slate-900" data-testid={testId}>
              {value}
            </dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
