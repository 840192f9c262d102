import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { cache } from "react";
import { PageHeader } from "@/components/ui/page-header";
import { FilingPanel } from "@/components/rounds/filing-panel";
import { FilingUnits, SupervisorShares } from "@/components/rounds/filing-status";
import { RemindPanel } from "@/components/rounds/remind-panel";
import { RoundStatusBadge, windowDays } from "@/components/rounds/round-format";
import { asLocale, formatDay } from "@/components/ui/formats";
import { Section, table } from "@/components/ui/section";
import { can } from "@/lib/auth/policy";
import { requireActor } from "@/lib/auth/session";
import { localName } from "@/lib/i18n/config";
import { ledgerFilterOptions } from "@/lib/ledger/filter-options";
import { roundFilingStatus } from "@/lib/rounds/queries";
import { remindedToday } from "@/lib/rounds/remind-late";
import { RoundParams } from "@/lib/rounds/schemas";

type Props = { params: Promise<{ id: string }> };

/** The round's filing status in the actor's scope, or null for a malformed or unknown id. */
const load = cache(async (rawId: string) => {
  const actor = await requireActor();
  const parsed = RoundParams.safeParse({ id: rawId });
  return { actor, status: parsed.success ? await roundFilingStatus(actor, parsed.data.id) : null };
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { status } = await load((await params).id);
  if (!status) return { title: (await getTranslations("notFound"))("title") };
  return {
    title: (await getTranslations("rounds"))("roundTitle", { period: status.round.period }),
  };
}

/** Who has filed for a round: the share per supervisor, the units, and (for liaisons) the filing form. */
export default async function RoundPage({ params }: Props) {
  const { actor, status } = await load((await params).id);
  if (!status) notFound();
  const [t, format, locale, options] = await Promise.all([
    getTranslations("rounds"),
    getFormatter(),
    getLocale().then(asLocale),
    ledgerFilterOptions(actor),
  ]);
  const { round } = status;
  const programme = options.programmes.find((p) => p.id === round.programmeId);
  const now = readClock();
  const lateNow = now >= new Date(round.windowClosesAt).getTime();
  const day = (d: Date) => formatDay(format, d);
  const windowSpan = windowDays(round);
  const windowText = t("windowRange", { from: day(windowSpan.first), to: day(windowSpan.last) });
  const files = can(actor, "ledger.write") && round.status !== "PLANNED";
  const reminds = can(actor, "round.manage") && lateNow;
  const remindedAt = reminds ? await remindedToday(round.id) : null;
  const unfiled = status.enterprises.filter((e) => e.state === "notFiled").length;

  return (
    <div className="space-y-5" data-testid="round-page" data-round-id={round.id}>
      <nav aria-label={t("back")}>
        <Link href="/rounds" className={`${table.link} text-sm`}>
          ← {t("back")}
        </Link>
      </nav>
      <PageHeader
        title={t("roundTitle", { period: round.period })}
        intro={
          <span className="flex flex-wrap items-center gap-x-3 gap-y-1">
            <RoundStatusBadge status={round.status} />
            {programme && <span>{localName(programme, locale)}</span>}
            <span>
              {t("window")}: <span className="tabular-nums">{windowText}</span>
            </span>
          </span>
        }
      />
      {round.status === "PLANNED" && (
        <p className="rounded-md border border-slate-200 bg-white px-3 py-2 text-sm text-slate-800">
          {t("plannedNote", { date: day(windowSpan.first) })}
        </p>
      )}
      {round.status !== "PLANNED" && lateNow && (
        <p
          className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950"
          data-testid="window-closed"
        >
          {t("windowClosedNote", { date: day(windowSpan.last) })}
        </p>
      )}

      {files && (
        <Section
          id="file"
          title={t("file.heading")}
          description={t("file.intro", { period: round.period })}
        >
          <FilingPanel
            roundId={round.id}
            programmeId={round.programmeId}
            period={round.period}
            lateNow={lateNow}
            units={status.enterprises.map(({ id, code, nameZh, nameEn, filedAt, late }) => ({
              id,
              code,
              nameZh,
              nameEn,
              filedAt,
              late,
            }))}
          />
        </Section>
      )}

      {reminds && (
        <Section id="remind" title={t("remind.heading")} description={t("remind.intro")}>
          <RemindPanel roundId={round.id} unfiled={unfiled} remindedAt={remindedAt} />
        </Section>
      )}

      <Section
        id="shares"
        title={t("filing.bySupervisor")}
        description={t("filing.bySupervisorIntro")}
      >
        <SupervisorShares status={status} />
      </Section>
      <Section id="units" title={t("filing.units")} description={t("filing.unitsIntro")}>
        <FilingUnits status={status} />
      </Section>
    </div>
  );
}

function readClock() {
  return Date.now();
}
