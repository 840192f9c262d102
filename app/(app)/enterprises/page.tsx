import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { EnterpriseTree } from "@/components/enterprises/enterprise-tree";
import { PageHeader } from "@/components/ui/page-header";
import { asLocale } from "@/components/ui/formats";
import { Section, table } from "@/components/ui/section";
import { can } from "@/lib/auth/policy";
import { requireActor } from "@/lib/auth/session";
import { listEnterprises, listScopeRoots } from "@/lib/enterprises/queries";
import type { EnterpriseSummary } from "@/lib/enterprises/schemas";
import { localName } from "@/lib/i18n/config";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("enterprises");
  return { title: t("title") };
}

/** The scoped enterprise tree, grouped by supervisor, with a search over names and codes. */
export default async function EnterprisesPage({
  searchParams,
}: {
  searchParams: Promise<{ q?: string | string[] }>;
}) {
  const actor = await requireActor();
  const raw = (await searchParams).q;
  const q = (Array.isArray(raw) ? raw[0] : raw)?.trim().slice(0, 100) ?? "";
  const [t, tl, tr, locale] = await Promise.all([
    getTranslations("enterprises"),
    getTranslations("supervisorLevel"),
    getTranslations("registry.form"),
    getLocale().then(asLocale),
  ]);
  const [roots, results] = await Promise.all([
    listScopeRoots(actor),
    q ? listEnterprises(actor, { q, roots: false, limit: 50 }) : Promise.resolve(null),
  ]);

  // Group the roots by supervisor, keeping the order of listScopeRoots (by supervisor code).
  const bySupervisor = new Map<
    string,
    { supervisor: EnterpriseSummary["supervisor"]; nodes: EnterpriseSummary[] }
  >();
  for (const root of roots) {
    const entry = bySupervisor.get(root.supervisor.id) ?? {
      supervisor: root.supervisor,
      nodes: [],
    };
    entry.nodes.push(root);
    bySupervisor.set(root.supervisor.id, entry);
  }

  return (
    <div className="space-y-5">
      <PageHeader title={t("heading")} intro={t("intro")}>
        {/* Owners of a supervisor's enterprises register new ones; the form lists their supervisors. */}
        {can(actor, "catalogue.manage") && (
          <Link
            href="/enterprises/new"
            className="rounded-md bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-900 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-700"
            data-testid="add-enterprise-link"
          >
            {tr("add")}
          </Link>
        )}
      </PageHeader>

      <form
        role="search"
        action="/enterprises"
        method="get"
        className="flex flex-wrap items-end gap-2"
        aria-label={t("searchLabel")}
      >
        <div className="min-w-64 flex-1 sm:max-w-md">
          <label htmlFor="enterprise-q" className="block text-sm font-medium text-slate-800">
            {t("searchLabel")}
          </label>
          <input
            id="enterprise-q"
            name="q"
            type="search"
            defaultValue={q}
            maxLength={100}
            placeholder={t("searchPlaceholder")}
            className="mt-1 block w-full rounded-md border border-slate-400 bg-white px-3 py-2 text-sm text-slate-900 placeholder:text-slate-500 focus:border-brand-700 focus:outline-2 focus:outline-brand-700"
          />
        </div>
        <button
          type="submit"
          className="rounded-md bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-900 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-700"
        >
          {t("search")}
        </button>
        {q && (
          <Link
            href="/enterprises"
            className="px-2 py-2 text-sm text-brand-700 underline focus-visible:outline-2 focus-visible:outline-brand-700"
          >
            {t("clear")}
          </Link>
        )}
      </form>

      {results && (
        <Section id="results" title={t("searchResults", { q })}>
          {results.items.length ? (
            <ul className="divide-y divide-slate-200" data-testid="search-results">
              {[...results.items]
                .sort((a, b) => a.depth - b.depth || a.code.localeCompare(b.code))
                .map((e) => (
                  <li key={e.id} className="flex flex-wrap items-baseline gap-x-3 py-1.5 text-sm">
                    <Link href={`/enterprises/${e.id}`} className={`${table.link} font-medium`}>
                      {localName(e, locale)}
                    </Link>
                    <span className="font-mono text-xs text-slate-600">{e.code}</span>
                    <span className="text-xs text-slate-600">
                      {localName(e.supervisor, locale)}
                    </span>
                  </li>
                ))}
            </ul>
          ) : (
            <p className="text-sm text-slate-700">{t("noResults")}</p>
          )}
        </Section>
      )}

      {roots.length === 0 ? (
        <p className="text-sm text-slate-700">{t("empty")}</p>
      ) : (
        [...bySupervisor.values()].map(({ supervisor, nodes }) => (
          <Section
            key={supervisor.id}
            id={`supervisor-${supervisor.code}`}
            title={localName(supervisor, locale)}
            description={tl(supervisor.level)}
          >
            <EnterpriseTree nodes={nodes} label={localName(supervisor, locale)} />
          </Section>
        ))
      )}
    </div>
  );
}
