import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import { OpenRoundForm } from "@/components/rounds/open-round-form";
import { RoundsTable } from "@/components/rounds/rounds-table";
import { Section } from "@/components/ui/section";
import { can } from "@/lib/auth/policy";
import { requireActor } from "@/lib/auth/session";
import { ledgerFilterOptions } from "@/lib/ledger/filter-options";
import { listRounds, roundDefaultsFor } from "@/lib/rounds/queries";
import { RoundListQuery } from "@/lib/rounds/schemas";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("rounds");
  return { title: t("title") };
}

/** Reporting rounds (填报轮次): the list, and for administrators the form that opens one. */
export default async function RoundsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requireActor();
  const query = RoundListQuery.safeParse({ cursor: (await searchParams).cursor });
  const cursor = query.success ? query.data.cursor : undefined;
  const [t, rounds, options] = await Promise.all([
    getTranslations("rounds"),
    listRounds(actor, { cursor }),
    ledgerFilterOptions(actor),
  ]);
  const manage = can(actor, "round.manage");
  const defaults = manage
    ? await roundDefaultsFor(
        options.programmes.map((p) => p.id),
        readClock(),
      )
    : {};
  return (
    <div className="space-y-5" data-testid="rounds-page">
      <PageHeader title={t("heading")} intro={t("intro")} />
      {manage && (
        <Section id="open-round" title={t("open.heading")} description={t("open.intro")}>
          {options.programmes.length ? (
            <OpenRoundForm programmes={options.programmes} defaults={defaults} />
          ) : (
            <p className="text-sm text-slate-700">{t("open.noProgrammes")}</p>
          )}
        </Section>
      )}
      <Section id="rounds" title={t("listHeading")}>
        <RoundsTable
          rounds={rounds.items}
          programmes={options.programmes}
          nextCursor={rounds.nextCursor}
          isFirstPage={!cursor}
        />
      </Section>
    </div>
  );
}

function readClock() {
  return new Date();
}
