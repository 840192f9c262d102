import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import { LedgerView } from "@/components/ledger/list/ledger-view";
import { can } from "@/lib/auth/policy";
import { requireActor } from "@/lib/auth/session";
import { getEnterprise } from "@/lib/enterprises/queries";
import { ledgerFilterOptions } from "@/lib/ledger/filter-options";
import { listLedgerItems } from "@/lib/ledger/queries";
import { LEDGER_PAGE_SIZE, parseLedgerView } from "@/lib/ledger/query-options";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("ledger.list");
  return { title: t("title") };
}

/** The work ledger of the user's scope; the first page renders here, the client pages on. */
export default async function LedgerPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requireActor();
  const view = parseLedgerView(await searchParams);
  const [t, options, firstPage, selected] = await Promise.all([
    getTranslations("ledger.list"),
    ledgerFilterOptions(actor),
    listLedgerItems(actor, {
      ...view,
      mainOnly: Boolean(view.mainOnly),
      overdue: Boolean(view.overdue),
      needsAction: Boolean(view.needsAction),
      limit: LEDGER_PAGE_SIZE,
    }),
    // Names the enterprise of the URL's filter in the picker; null outside the scope.
    view.enterpriseId ? getEnterprise(actor, view.enterpriseId) : null,
  ]);
  return (
    <div className="space-y-5" data-testid="ledger-page">
      <PageHeader
        title={t("heading")}
        intro={can(actor, "ledger.write") ? t("introWrite") : t("introRead")}
      />
      <LedgerView
        initialView={view}
        initialPage={firstPage}
        options={options}
        selectedEnterprise={
          selected ? { id: selected.id, nameZh: selected.nameZh, nameEn: selected.nameEn } : null
        }
        columnsStorageKey={`ledger-columns:${actor.id}`}
      />
    </div>
  );
}
