import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { BulletinDownload } from "@/components/bulletins/bulletin-download";
import { AtRiskList } from "@/components/dashboard/at-risk-list";
import { CategoryChart } from "@/components/dashboard/category-chart";
import { CategoryTable } from "@/components/dashboard/category-table";
import { ChildrenTable } from "@/components/dashboard/children-table";
import { DashboardControls } from "@/components/dashboard/dashboard-controls";
import { ForecastPanel } from "@/components/dashboard/forecast-panel";
import { HeadlineCard } from "@/components/dashboard/headline-card";
import { IndicatorTable } from "@/components/dashboard/indicator-table";
import { TrendChart } from "@/components/dashboard/trend-chart";
import { asLocale, formatDateTime, formatDay } from "@/components/ui/formats";
import { PageHeader } from "@/components/ui/page-header";
import { Section } from "@/components/ui/section";
import { requireActor } from "@/lib/auth/session";
import { getDashboard } from "@/lib/dashboard/get-dashboard";
import { DashboardQuery } from "@/lib/dashboard/schemas";
import { listScopeRoots } from "@/lib/enterprises/queries";
import { AppError } from "@/lib/errors";
import { localName } from "@/lib/i18n/config";
import { ledgerFilterOptions } from "@/lib/ledger/filter-options";
import { parseIsoDay } from "@/lib/time";

type SearchParams = Record<string, string | string[] | undefined>;

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("dashboard"))("title") };
}

/** Key by key, like the ledger's view: a bad value (a stale link) drops that key only. */
function parseQuery(params: SearchParams): DashboardQuery {
  const shape = DashboardQuery.shape;
  const query: DashboardQuery = {};
  for (const key of Object.keys(shape) as (keyof typeof shape)[]) {
    const raw = params[key];
    const value = Array.isArray(raw) ? raw[0] : raw;
    if (!value) continue;
    const parsed = shape[key].safeParse(value);
    if (parsed.success && parsed.data) query[key] = parsed.data;
  }
  // One node at a time: the enterprise, the narrower one, wins.
  if (query.enterpriseId) delete query.supervisorId;
  return query;
}

async function load(actor: Awaited<ReturnType<typeof requireActor>>, query: DashboardQuery) {
  try {
    return await getDashboard(actor, query);
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  }
}

/** The dashboard of any node in the viewer's scope, for any programme, as of any day. */
export default async function DashboardPage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  const actor = await requireActor();
  const query = parseQuery(await searchParams);
  const [dashboard, options, roots, t, locale, format] = await Promise.all([
    load(actor, query),
    ledgerFilterOptions(actor),
    listScopeRoots(actor),
    getTranslations("dashboard"),
    getLocale().then(asLocale),
    getFormatter(),
  ]);
  if (!dashboard) {
    return (
      <div className="space-y-5" data-testid="dashboard-page">
        <PageHeader title={t("title")} />
        <p className="text-sm text-slate-700">{t("noProgramme")}</p>
      </div>
    );
  }

  const supervisors = [...new Map(roots.map((r) => [r.supervisor.id, r.supervisor])).values()];
  const nodeName =
    dashboard.node.type === "scope" ? t("scopeNode") : localName(dashboard.node, locale);
  const asOfText = formatDay(format, parseIsoDay(dashboard.asOf), "long");
  const keep = { programmeId: query.programmeId, asOf: query.asOf, compareTo: query.compareTo };

  return (
    <div
      className="dashboard-page space-y-5"
      data-testid="dashboard-page"
      data-as-of={dashboard.asOf}
      data-node={dashboard.node.id ?? "scope"}
    >
      <PageHeader
        title={t("heading", { node: nodeName })}
        intro={t("subtitle", { programme: localName(dashboard.programme, locale), date: asOfText })}
      />
      <DashboardControls
        query={query}
        asOf={dashboard.asOf}
        programmes={options.programmes.map((p) => ({ id: p.id, label: localName(p, locale) }))}
        supervisors={supervisors.map((s) => ({ id: s.id, label: localName(s, locale) }))}
        enterpriseLabel={dashboard.node.type === "enterprise" ? nodeName : null}
      />
      {dashboard.snapshot && (
        <p className="rounded-md bg-amber-50 p-3 text-sm text-amber-900" role="note">
          {t("snapshot", {
            period: dashboard.snapshot.period,
            at: formatDateTime(format, new Date(dashboard.snapshot.frozenAt)),
          })}
        </p>
      )}
      <HeadlineCard dashboard={dashboard} />
      <Section
        id="bulletin"
        title={t("bulletinHeading")}
        description={t("bulletinIntro")}
        className="print:hidden"
      >
        <BulletinDownload query={{ ...query, asOf: dashboard.asOf }} />
      </Section>
      <div className="grid gap-5 lg:grid-cols-3 [&>*]:min-w-0">
        <Section
          id="trend"
          title={t("trend.heading")}
          description={t("trend.intro")}
          className="min-w-0 lg:col-span-2"
        >
          <TrendChart dashboard={dashboard} />
        </Section>
        <Section id="forecast" title={t("forecast.heading")} className="min-w-0">
          <ForecastPanel dashboard={dashboard} />
        </Section>
      </div>
      <Section id="children" title={t("children.heading")} description={t("children.intro")}>
        <ChildrenTable
          rows={dashboard.children}
          asOf={dashboard.asOf}
          query={keep}
          caption={t("children.caption", { node: nodeName })}
        />
      </Section>
      <Section id="by-category" title={t("category.heading")}>
        {dashboard.byCategory.length ? (
          <div className="grid gap-5 lg:grid-cols-2 [&>*]:min-w-0">
            <CategoryTable rows={dashboard.byCategory} />
            <CategoryChart rows={dashboard.byCategory} />
          </div>
        ) : (
          <p className="text-sm text-slate-700">{t("category.empty")}</p>
        )}
      </Section>
      <Section id="at-risk" title={t("atRisk.heading")} description={t("atRisk.intro")}>
        <AtRiskList atRisk={dashboard.atRisk} />
      </Section>
      <Section id="indicators" title={t("indicators.heading")} description={t("indicators.intro")}>
        <IndicatorTable indicators={dashboard.indicators} />
      </Section>
    </div>
  );
}
