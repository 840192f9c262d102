"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useId, useTransition } from "react";
import { EnterpriseCombobox } from "@/components/ui/enterprise-combobox";
import { field } from "@/components/ui/styles";
import type { DashboardQuery } from "@/lib/dashboard/schemas";
import { DayField } from "./day-field";
import { dashboardHref } from "./links";
import { asOfQuickPicks, monthEarlier } from "./quick-days";

type Option = { id: string; label: string };

const chip =
  "rounded-full border border-slate-400 bg-white px-2.5 py-1 text-xs font-medium text-slate-800 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-brand-700 aria-pressed:border-brand-700 aria-pressed:bg-brand-50 aria-pressed:text-brand-900";

/**
 * What the dashboard shows: programme, node, as-of date and comparison date. Every change is a
 * new URL, so the address reproduces the view.
 */
export function DashboardControls({
  query,
  asOf,
  programmes,
  supervisors,
  enterpriseLabel,
}: {
  query: DashboardQuery;
  /** The as-of day the figures were counted at (the query's, or today). */
  asOf: string;
  programmes: Option[];
  supervisors: Option[];
  enterpriseLabel: string | null;
}) {
  const t = useTranslations("dashboard.controls");
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const ids = { programme: useId(), supervisor: useId() };
  const go = (next: Partial<DashboardQuery>) =>
    startTransition(() => router.push(dashboardHref({ ...query, ...next })));
  const picks = asOfQuickPicks();

  return (
    <form
      aria-label={t("label")}
      aria-busy={pending || undefined}
      data-testid="dashboard-controls"
      className="grid gap-4 rounded-lg [&>*]:min-w-0 border border-slate-200 bg-white p-4 shadow-sm sm:grid-cols-2 lg:grid-cols-4 print:hidden"
      onSubmit={(e) => e.preventDefault()}
    >
      <div>
        <label htmlFor={ids.programme} className={field.label}>
          {t("programme")}
        </label>
        <select
          id={ids.programme}
          className={field.input()}
          value={query.programmeId ?? programmes[0]?.id ?? ""}
          onChange={(e) => go({ programmeId: e.target.value || undefined })}
          data-testid="programme-select"
        >
          {programmes.map((p) => (
            <option key={p.id} value={p.id}>
              {p.label}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor={ids.supervisor} className={field.label}>
          {t("supervisor")}
        </label>
        <select
          id={ids.supervisor}
          className={field.input()}
          value={query.supervisorId ?? ""}
          onChange={(e) =>
            go({ supervisorId: e.target.value || undefined, enterpriseId: undefined })
          }
          data-testid="supervisor-select"
        >
          <option value="">{t("allSupervisors")}</option>
          {supervisors.map((s) => (
            <option key={s.id} value={s.id}>
              {s.label}
            </option>
          ))}
        </select>
      </div>
      <EnterpriseCombobox
        label={t("enterprise")}
        selectedId={query.enterpriseId ?? null}
        selectedLabel={enterpriseLabel}
        onChange={(e) => go({ enterpriseId: e?.id, supervisorId: undefined })}
        testId="enterprise-picker"
      />
      <div className="space-y-2">
        <DayField
          key={asOf}
          label={t("asOf")}
          value={asOf}
          onCommit={(value) => value && go({ asOf: value })}
          testId="as-of-picker"
        />
        <div role="group" aria-label={t("quickPicks")} className="flex flex-wrap gap-1.5">
          {(["endLastMonth", "endLastQuarter", "endLastYear", "today"] as const).map((key) => (
            <button
              key={key}
              type="button"
              className={chip}
              aria-pressed={asOf === picks[key]}
              onClick={() => go({ asOf: key === "today" ? undefined : picks[key] })}
              data-testid={`as-of-${key}`}
            >
              {t(key)}
            </button>
          ))}
        </div>
      </div>
      <div className="space-y-2 lg:col-start-4">
        <DayField
          key={query.compareTo ?? ""}
          label={t("compareTo")}
          value={query.compareTo ?? ""}
          max={asOf}
          onCommit={(value) => go({ compareTo: value || undefined })}
          testId="compare-picker"
        />
        <div role="group" aria-label={t("compareQuickPicks")} className="flex flex-wrap gap-1.5">
          <button
            type="button"
            className={chip}
            aria-pressed={query.compareTo === monthEarlier(asOf)}
            onClick={() => go({ compareTo: monthEarlier(asOf) })}
            data-testid="compare-month-earlier"
          >
            {t("monthEarlier")}
          </button>
          {query.compareTo && (
            <button type="button" className={chip} onClick={() => go({ compareTo: undefined })}>
              {t("noCompare")}
            </button>
          )}
        </div>
      </div>
    </form>
  );
}
