import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { BreakdownTable } from "@/components/dashboard/breakdown-table";
import { CompletionCard } from "@/components/dashboard/completion-card";
import { GroupTable } from "@/components/dashboard/group-table";
import { TrendTable } from "@/components/dashboard/trend-table";
import { LedgerItemsTable } from "@/components/ledger/ledger-items-table";
import { StatusCounts } from "@/components/ledger/status-counts";
import { PageHeader } from "@/components/ui/page-header";
import { Section } from "@/components/ui/section";
import type { Actor } from "@/lib/auth/policy";
import { requireActor } from "@/lib/auth/session";
import { completionByCategory, completionBySupervisor } from "@/lib/dashboard/breakdowns";
import { mainTaskCompletion } from "@/lib/dashboard/completion";
import { listGroupSummaries } from "@/lib/dashboard/groups";
import { completionTrend } from "@/lib/dashboard/trend";
import { ledgerStatusSummary, listLedgerItemsByUrgency } from "@/lib/ledger/overview";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("home");
  return { title: t("title") };
}

const HOME_ROWS = 50;

/** One home a role: the liaison's ledger, the reviewer's groups, the manager's headline. */
export default async function HomePage() {
  const actor = await requireActor();
  switch (actor.role) {
    case "LIAISON":
      return <LiaisonHome actor={actor} />;
    case "REVIEWER":
      return <ReviewerHome actor={actor} />;
    default:
      return <ManagerHome actor={actor} />;
  }
}

async function LiaisonHome({ actor }: { actor: Actor }) {
  const [t, tc, tl] = await Promise.all([
    getTranslations("home"),
    getTranslations("completion"),
    getTranslations("ledger"),
  ]);
  const [items, summary, completion] = await Promise.all([
    listLedgerItemsByUrgency(actor, { limit: HOME_ROWS }),
    ledgerStatusSummary(actor),
    mainTaskCompletion(actor),
  ]);
  return (
    <div className="space-y-5" data-testid="home-liaison">
      <PageHeader
        title={t("liaison.heading")}
        intro={t("liaison.intro")}
        welcome={t("welcome", { name: actor.displayName })}
      />
      <StatusCounts summary={summary} label={t("liaison.countsHeading")} />
      <CompletionCard
        id="completion"
        title={tc("heading")}
        figure={completion}
        size="compact"
        dashboardHref="/dashboard"
      />
      <Section id="ledger" title={tl("items")}>
        {items.length ? (
          <LedgerItemsTable
            items={items}
            caption={t("liaison.tableCaption", { shown: items.length, total: summary.total })}
          />
        ) : (
          <p className="text-sm text-slate-700">{t("liaison.empty")}</p>
        )}
      </Section>
    </div>
  );
}

async function ReviewerHome({ actor }: { actor: Actor }) {
  const [t, tc] = await Promise.all([getTranslations("home"), getTranslations("completion")]);
  // Imported here so the review queue's count stays inside the reviewer's home.
  const [{ reviewQueueTotal }, { ReviewWaitingCard }] = await Promise.all([
    import("@/lib/review/queue"),
    import("@/components/review/review-waiting-card"),
  ]);
  const [groups, completion, waiting] = await Promise.all([
    listGroupSummaries(actor),
    mainTaskCompletion(actor),
    reviewQueueTotal(actor),
  ]);
  return (
    <div className="space-y-5" data-testid="home-reviewer">
      <PageHeader
        title={t("reviewer.heading")}
        intro={t("reviewer.intro")}
        welcome={t("welcome", { name: actor.displayName })}
      />
      <ReviewWaitingCard count={waiting} />
      <CompletionCard
        id="completion"
        title={tc("heading")}
        figure={completion}
        size="compact"
        dashboardHref="/dashboard"
      />
      <Section id="groups" title={t("reviewer.tableCaption")}>
        {groups.length ? (
          <GroupTable groups={groups} caption={t("reviewer.tableCaption")} />
        ) : (
          <p className="text-sm text-slate-700">{t("reviewer.empty")}</p>
        )}
      </Section>
    </div>
  );
}

async function ManagerHome({ actor }: { actor: Actor }) {
  const [t, tc, te, tl] = await Promise.all([
    getTranslations("home"),
    getTranslations("completion"),
    getTranslations("enterprise"),
    getTranslations("ledger"),
  ]);
  const completion = await mainTaskCompletion(actor);
  if (!completion) {
    return (
      <div className="space-y-5" data-testid="home-manager">
        <PageHeader
          title={t("manager.heading")}
          welcome={t("welcome", { name: actor.displayName })}
        />
        <p className="text-sm text-slate-700">{t("noProgramme")}</p>
      </div>
    );
  }
  const programmeId = completion.programme.id;
  const [trend, bySupervisor, byCategory] = await Promise.all([
    completionTrend(actor, { now: completion.asOf }),
    completionBySupervisor(actor, programmeId, completion.asOf),
    completionByCategory(actor, programmeId, completion.asOf),
  ]);
  return (
    <div className="space-y-5" data-testid="home-manager">
      <PageHeader
        title={t("manager.heading")}
        welcome={t("welcome", { name: actor.displayName })}
      />
      <CompletionCard
        id="completion"
        title={tc("heading")}
        figure={completion}
        dashboardHref="/dashboard"
      />
      <Section id="trend" title={t("manager.trendHeading")}>
        <TrendTable points={trend} caption={t("manager.trendCaption")} />
      </Section>
      <div className="grid gap-5 lg:grid-cols-2 [&>*]:min-w-0">
        <Section id="by-supervisor" title={t("manager.bySupervisor")}>
          <BreakdownTable
            rows={bySupervisor}
            caption={t("manager.bySupervisorCaption")}
            nameHeader={te("supervisor")}
            testId="by-supervisor"
          />
        </Section>
        <Section id="by-category" title={t("manager.byCategory")}>
          <BreakdownTable
            rows={byCategory}
            caption={t("manager.byCategoryCaption")}
            nameHeader={tl("category")}
            testId="by-category"
          />
        </Section>
      </div>
    </div>
  );
}
