import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { CompletionCard } from "@/components/dashboard/completion-card";
import { dashboardHref } from "@/components/dashboard/links";
import { AuditLink } from "@/components/audit/audit-link";
import { EnterpriseAttributes } from "@/components/enterprises/enterprise-attributes";
import { FormerNames } from "@/components/enterprises/former-names";
import { RegistryPanels } from "@/components/enterprises/registry-panels";
import { PageHeader } from "@/components/ui/page-header";
import { LedgerItemsTable } from "@/components/ledger/ledger-items-table";
import { StatusCounts } from "@/components/ledger/status-counts";
import { Notice } from "@/components/ui/form";
import { asLocale, formatDay } from "@/components/ui/formats";
import { Section, table } from "@/components/ui/section";
import { inlineLink } from "@/components/ui/styles";
import { can, managesSupervisor, type Actor } from "@/lib/auth/policy";
import { requireActor } from "@/lib/auth/session";
import { mainTaskCompletion } from "@/lib/dashboard/completion";
import { getEnterprise, listChildren, partyAffiliation } from "@/lib/enterprises/queries";
import { IdParams } from "@/lib/enterprises/schemas";
import { listOwnedSupervisors } from "@/lib/enterprises/supervisors";
import { localName } from "@/lib/i18n/config";
import { ledgerStatusSummary, listLedgerItemsByUrgency } from "@/lib/ledger/overview";

type Props = { params: Promise<{ id: string }> };

/** The enterprise, or null for a malformed id, a missing one, or one outside the scope alike. */
async function load(actor: Actor, rawId: string) {
  const parsed = IdParams.safeParse({ id: rawId });
  return parsed.success ? getEnterprise(actor, parsed.data.id) : null;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const actor = await requireActor();
  const enterprise = await load(actor, (await params).id);
  if (!enterprise) return { title: (await getTranslations("notFound"))("title") };
  return { title: localName(enterprise, asLocale(await getLocale())) };
}

const ITEM_ROWS = 50;

export default async function EnterprisePage({ params }: Props) {
  const actor = await requireActor();
  const enterprise = await load(actor, (await params).id);
  if (!enterprise) notFound();

  const [t, tn, locale] = await Promise.all([
    getTranslations("enterprise"),
    getTranslations("enterprises"),
    getLocale().then(asLocale),
  ]);
  const td = await getTranslations("dashboard");
  const treg = await getTranslations("registry");
  const format = await getFormatter();
  const dayOf = (iso: string) => formatDay(format, new Date(iso));
  const owner = managesSupervisor(actor, "catalogue.manage", enterprise.supervisor.id);
  const [children, completion, items, summary, party] = await Promise.all([
    listChildren(actor, enterprise.id),
    mainTaskCompletion(actor, { enterpriseId: enterprise.id }),
    listLedgerItemsByUrgency(actor, { enterpriseId: enterprise.id, limit: ITEM_ROWS }),
    ledgerStatusSummary(actor, { enterpriseId: enterprise.id }),
    partyAffiliation(actor, enterprise.id),
  ]);
  const owned = owner ? await listOwnedSupervisors(actor) : [];
  const name = localName(enterprise, locale);
  const otherName = locale === "en" ? enterprise.nameZh : enterprise.nameEn;

  return (
    <div className="space-y-5" data-testid="enterprise-page" data-code={enterprise.code}>
      <nav aria-label={t("breadcrumb")}>
        <ol className="flex flex-wrap items-center gap-1 text-sm text-slate-700">
          <li>
            <Link href="/enterprises" className={table.link}>
              {tn("title")}
            </Link>
          </li>
          {enterprise.ancestors.map((a) => (
            <li key={a.id} className="flex items-center gap-1">
              <span aria-hidden="true" className="text-slate-500">
                /
              </span>
              <Link href={`/enterprises/${a.id}`} className={table.link}>
                {localName(a, locale)}
              </Link>
            </li>
          ))}
          <li className="flex items-center gap-1">
            <span aria-hidden="true" className="text-slate-500">
              /
            </span>
            <span aria-current="page" className="font-medium text-slate-900">
              {name}
            </span>
          </li>
        </ol>
      </nav>

      <PageHeader
        title={name}
        intro={
          <span lang={locale === "en" ? "zh-CN" : "en"} className="text-slate-600">
            {otherName}
          </span>
        }
      >
        {owner && (
          <Link
            href={`/enterprises/${enterprise.id}/edit`}
            className="rounded-md border border-slate-400 bg-white px-3 py-2 text-sm font-medium text-slate-800 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-brand-700"
            data-testid="enterprise-edit-link"
          >
            {treg("form.edit")}
          </Link>
        )}
        <Link
          href={dashboardHref({ enterpriseId: enterprise.id })}
          className="rounded-md border border-slate-400 bg-white px-3 py-2 text-sm font-medium text-slate-800 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-brand-700"
          data-testid="enterprise-dashboard-link"
        >
          {td("openForName", { name })}
        </Link>
      </PageHeader>

      {enterprise.mergedInto && (
        <Notice tone="info" testId="enterprise-merged">
          {enterprise.mergedInto.nameZh ? (
            <>
              {treg("merge.mergedInto", {
                date: dayOf(enterprise.mergedInto.at),
                name: localName(
                  {
                    nameZh: enterprise.mergedInto.nameZh,
                    nameEn: enterprise.mergedInto.nameEn ?? enterprise.mergedInto.nameZh,
                  },
                  locale,
                ),
              })}{" "}
              <Link href={`/enterprises/${enterprise.mergedInto.id}`} className={inlineLink}>
                {treg("merge.openSurvivor")}
              </Link>
            </>
          ) : (
            treg("merge.mergedIntoHidden", { date: dayOf(enterprise.mergedInto.at) })
          )}
        </Notice>
      )}
      {!enterprise.active && !enterprise.mergedInto && (
        <Notice tone="info" testId="enterprise-inactive">
          {treg("page.inactive")}
        </Notice>
      )}
      {can(actor, "audit.read") && <AuditLink entityType="Enterprise" entityId={enterprise.id} />}

      <div className="grid gap-5 lg:grid-cols-3">
        <Section id="attributes" title={t("attributes")} className="lg:col-span-2">
          <EnterpriseAttributes enterprise={enterprise} party={party} />
        </Section>
        <Section id="children" title={t("children")}>
          {children.length ? (
            <ul className="divide-y divide-slate-200 text-sm" data-testid="enterprise-children">
              {children.map((child) => (
                <li
                  key={child.id}
                  className="flex flex-wrap items-baseline justify-between gap-x-3 py-1.5"
                >
                  <Link href={`/enterprises/${child.id}`} className={`${table.link} font-medium`}>
                    {localName(child, locale)}
                  </Link>
                  {child.childCount > 0 && (
                    <span className="text-xs text-slate-600">
                      {tn("childCount", { count: child.childCount })}
                    </span>
                  )}
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-sm text-slate-700">{t("noChildren")}</p>
          )}
        </Section>
      </div>

      {(enterprise.formerNames.length > 0 || enterprise.absorbed.length > 0) && (
        <div className="grid gap-5 lg:grid-cols-2">
          {enterprise.formerNames.length > 0 && (
            <Section id="former-names" title={treg("formerNames.title")}>
              <FormerNames names={enterprise.formerNames} />
            </Section>
          )}
          {enterprise.absorbed.length > 0 && (
            <Section id="absorbed" title={treg("merge.absorbedTitle")}>
              <ul className="divide-y divide-slate-200 text-sm" data-testid="absorbed">
                {enterprise.absorbed.map((a) => (
                  <li key={a.id} className="py-1.5">
                    <Link href={`/enterprises/${a.id}`} className={table.link}>
                      {treg("merge.absorbedRow", { name: localName(a, locale), date: dayOf(a.at) })}
                    </Link>
                  </li>
                ))}
              </ul>
            </Section>
          )}
        </div>
      )}

      {owner && !enterprise.mergedInto && (
        <Section id="registry" title={treg("page.manage")}>
          <RegistryPanels
            enterprise={{
              id: enterprise.id,
              nameZh: enterprise.nameZh,
              nameEn: enterprise.nameEn,
              version: enterprise.version,
              subtreeSize: enterprise.subtreeSize,
              supervisor: enterprise.supervisor,
            }}
            supervisors={owned}
          />
          <p className="mt-3 text-sm">
            <Link
              href={`/enterprises/new?parentId=${enterprise.id}`}
              className={table.link}
              data-testid="add-subsidiary-link"
            >
              {treg("form.addChild")}
            </Link>
          </p>
        </Section>
      )}

      <CompletionCard
        id="completion"
        title={t("completion")}
        figure={completion}
        size="compact"
        dashboardHref={dashboardHref({ enterpriseId: enterprise.id })}
      />

      <Section id="ledger" title={t("ledger")}>
        <div className="space-y-4">
          <StatusCounts
            summary={summary}
            label={t("ledger")}
            base={{ enterpriseId: enterprise.id }}
          />
          {items.length ? (
            <LedgerItemsTable
              items={items}
              caption={t("ledgerCaption", { shown: items.length, total: summary.total })}
            />
          ) : (
            <p className="text-sm text-slate-700">{t("noItems")}</p>
          )}
        </div>
      </Section>
    </div>
  );
}
