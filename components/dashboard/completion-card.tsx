import Link from "next/link";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { isTargetDue } from "@/lib/dashboard/targets";
import { TargetBadge } from "@/components/ui/badges";
import { asLocale, formatDay, formatRate, formatTargetRate } from "@/components/ui/formats";
import { inlineLink } from "@/components/ui/styles";
import type { CompletionFigure } from "@/lib/dashboard/completion";
import { localName } from "@/lib/i18n/config";

/**
 * The headline: main-task completion rate of a scope as of a date, against the target that
 * governs that date.
 */
export function CompletionCard({
  id,
  title,
  figure,
  size = "large",
  dashboardHref,
}: {
  id: string;
  title: string;
  figure: CompletionFigure | null;
  size?: "large" | "compact";
  /** The full dashboard this card summarises. */
  dashboardHref?: string;
}) {
  const t = useTranslations("completion");
  const td = useTranslations("dashboard");
  const tc = useTranslations("common");
  const format = useFormatter();
  const locale = asLocale(useLocale());

  return (
    <section
      aria-labelledby={`${id}-heading`}
      data-testid="completion-card"
      className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
    >
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id={`${id}-heading`} className="text-base font-semibold text-slate-900">
          {title}
        </h2>
        {dashboardHref && (
          <Link
            href={dashboardHref}
            className={`${inlineLink} text-sm`}
            data-testid="open-dashboard"
          >
            {td("open")}
          </Link>
        )}
      </div>
      {!figure || figure.ratePercent === null ? (
        <p className="mt-2 text-sm text-slate-700">{t("noData")}</p>
      ) : (
        <div className="mt-2 flex flex-wrap items-end gap-x-8 gap-y-3">
          <div>
            <p
              className={
                size === "large"
                  ? "text-4xl font-semibold tabular-nums text-brand-900"
                  : "text-2xl font-semibold tabular-nums text-brand-900"
              }
            >
              <span className="sr-only">{t("rate")}: </span>
              <span data-testid="completion-rate">{formatRate(format, figure.ratePercent)}</span>
            </p>
            <p className="mt-1 text-sm text-slate-700" data-testid="completion-count">
              {t("completedOfTotal", {
                completed: format.number(figure.completed),
                total: format.number(figure.total),
              })}
            </p>
          </div>
          <div className="space-y-1 text-sm">
            <p
              className="flex flex-wrap items-center gap-2 text-slate-800"
              data-testid="completion-target"
            >
              {figure.target
                ? t("target", {
                    date: formatDay(format, figure.target.dueDate, "long"),
                    rate: formatTargetRate(format, figure.target.ratePercent),
                  })
                : t("noTarget")}
              {figure.meetsTarget !== null && (
                <TargetBadge met={figure.meetsTarget} due={isTargetDue(figure)} />
              )}
            </p>
            {figure.target && size === "large" && (
              <div
                className="relative h-2 w-64 max-w-full rounded-full bg-slate-200"
                aria-hidden="true"
              >
                <div
                  className="h-full rounded-full bg-brand-600"
                  style={{ width: `${Math.min(100, figure.ratePercent)}%` }}
                />
                <span
                  className="absolute -top-1 h-4 w-0.5 bg-slate-900"
                  style={{ left: `${Math.min(100, figure.target.ratePercent)}%` }}
                />
              </div>
            )}
            <p className="text-slate-600">
              {localName(figure.programme, locale)} ·{" "}
              {tc("asOf", { date: formatDay(format, figure.asOf, "long") })}
            </p>
          </div>
        </div>
      )}
    </section>
  );
}
