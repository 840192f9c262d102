import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { formatDay, formatRate, formatTargetRate } from "@/components/ui/formats";
import { inlineLink } from "@/components/ui/styles";
import type { DashboardDto } from "@/lib/dashboard/schemas";
import { parseIsoDay } from "@/lib/time";
import { ledgerHref } from "./links";
import { StandingBadge } from "./standing-badge";

/**
 * The headline: main-task completion rate against the target governing the as-of date, the
 * gap in tasks, claims awaiting approval, the change since the comparison date, and the two
 * measures of progress with their formulas. Every count links to the items behind it.
 */
export function HeadlineCard({ dashboard }: { dashboard: DashboardDto }) {
  const t = useTranslations("dashboard.headline");
  const tm = useTranslations("dashboard.metrics");
  const tc = useTranslations("common");
  const format = useFormatter();
  const { headline, compare, weightedProgressPercent } = dashboard;
  const day = (iso: string) => formatDay(format, parseIsoDay(iso), "long");
  const rate = (value: number | null) => (value === null ? tc("none") : formatRate(format, value));
  const signed = (value: number) => format.number(value, { signDisplay: "exceptZero" });

  return (
    <section
      aria-labelledby="headline-heading"
      data-testid="dashboard-headline"
      className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm break-inside-avoid"
    >
      <h2 id="headline-heading" className="text-base font-semibold text-slate-900">
        {t("heading")}
      </h2>
      <div className="mt-3 grid gap-6 md:grid-cols-2 [&>*]:min-w-0">
        <div className="space-y-2">
          <p className="flex flex-wrap items-center gap-3">
            <span className="text-4xl font-semibold tabular-nums text-brand-900">
              <span className="sr-only">{t("rate")}: </span>
              <span data-testid="headline-rate">{rate(headline.ratePercent)}</span>
            </span>
            <StandingBadge standing={headline.standing} />
          </p>
          {headline.total === 0 && <p className="text-sm text-slate-700">{t("noData")}</p>}
          <p className="flex flex-wrap gap-x-4 text-sm">
            <Link
              href={ledgerHref(headline.drillDown.completed)}
              className={inlineLink}
              data-testid="headline-completed"
              data-count={headline.completed}
            >
              {t("completedLink", { count: format.number(headline.completed) })}
            </Link>
            <Link
              href={ledgerHref(headline.drillDown.total)}
              className={inlineLink}
              data-testid="headline-total"
              data-count={headline.total}
            >
              {t("totalLink", { count: format.number(headline.total) })}
            </Link>
          </p>
          <p className="text-sm text-slate-800" data-testid="headline-target">
            {headline.target
              ? t("target", {
                  rate: formatTargetRate(format, headline.target.ratePercent),
                  date: day(headline.target.dueDate),
                })
              : t("noTarget")}
          </p>
          {headline.target && headline.tasksNeeded !== null && (
            <p className="text-sm font-medium text-slate-900" data-testid="headline-gap">
              {headline.tasksNeeded > 0
                ? t("tasksNeeded", {
                    count: headline.tasksNeeded,
                    date: day(headline.target.dueDate),
                    rate: formatTargetRate(format, headline.target.ratePercent),
                  })
                : t("targetReached", {
                    date: day(headline.target.dueDate),
                    rate: formatTargetRate(format, headline.target.ratePercent),
                  })}
            </p>
          )}
          <p className="text-sm text-slate-800" data-testid="headline-pending">
            {t("pendingClaims", { count: headline.pendingClaims })}
            <span className="block text-xs text-slate-600">{t("pendingNote")}</span>
          </p>
          {compare && (
            <div className="rounded-md bg-slate-50 p-2 text-sm" data-testid="headline-compare">
              <p className="font-medium text-slate-900">
                {t("compare", { date: day(compare.asOf) })}
              </p>
              <p className="tabular-nums text-slate-800">
                {compare.deltaPoints !== null &&
                  t("deltaPoints", { value: signed(compare.deltaPoints) })}
                {" · "}
                {t("deltaTasks", {
                  value: signed(compare.deltaTasks),
                  count: Math.abs(compare.deltaTasks),
                })}
                {" · "}
                {t("compareRate", { rate: rate(compare.ratePercent), date: day(compare.asOf) })}
              </p>
            </div>
          )}
        </div>
        <dl className="space-y-4 text-sm" data-testid="headline-metrics">
          <div>
            <dt className="font-medium text-slate-900">{tm("closed")}</dt>
            <dd className="text-2xl font-semibold tabular-nums text-slate-900">
              {rate(headline.ratePercent)}
            </dd>
            <dd className="text-xs text-slate-600">{tm("closedFormula")}</dd>
          </div>
          <div>
            <dt className="font-medium text-slate-900">{tm("weighted")}</dt>
            <dd
              className="text-2xl font-semibold tabular-nums text-slate-900"
              data-testid="headline-weighted"
            >
              {rate(weightedProgressPercent)}
            </dd>
            <dd className="text-xs text-slate-600">{tm("weightedFormula")}</dd>
          </div>
        </dl>
      </div>
    </section>
  );
}
