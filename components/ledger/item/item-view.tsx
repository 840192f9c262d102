"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { IssueNoticeLink } from "@/components/notices/issue-notice-link";
import { useRef, useState } from "react";
import { PageHeader } from "@/components/ui/page-header";
import { ColourBadge } from "@/components/ui/colour-badge";
import { useHydrated } from "@/components/ui/use-hydrated";
import { StatusBadge } from "@/components/ui/badges";
import { asLocale, bilingual, formatDateTime } from "@/components/ui/formats";
import { Section } from "@/components/ui/section";
import { ledgerQueries } from "@/lib/ledger/query-options";
import type { EntryDto, LedgerItemDetail } from "@/lib/ledger/schemas";
import { ClaimSection } from "./claim-section";
import { ClosedNotice } from "./closed-notice";
import { IndicatorCard } from "./indicator-panel";
import { ItemOverview } from "./item-overview";
import { Notices } from "./notices";
import { CommentForm } from "./comment-form";
import { RecordSection } from "./record-section";
import { Timeline } from "./timeline";

/**
 * The ledger item page. The server renders it with the item; afterwards the item comes from the
 * API through TanStack Query, so a saved entry shows up by invalidating one key.
 */
export function ItemView({
  initial,
  periods,
  renderedAt,
  canIssueNotice = false,
  ownerActions,
}: {
  initial: LedgerItemDetail;
  periods: string[];
  renderedAt: number;
  /** Reviewers may issue a supervision notice on the item (the API checks again). */
  canIssueNotice?: boolean;
  /** Actions of the administrators who own the item's enterprise (e.g. not applicable). */
  ownerActions?: React.ReactNode;
}) {
  const t = useTranslations("ledger");
  const format = useFormatter();
  const locale = asLocale(useLocale());
  const { data } = useQuery({
    ...ledgerQueries.item(initial.id),
    initialData: initial,
    initialDataUpdatedAt: renderedAt,
  });
  const item = data ?? initial;
  const comments = useQuery(ledgerQueries.comments(initial.id)).data?.items;

  // The version the user's draft builds on: moves only when they save, resubmit or discard.
  const [seenVersion, setSeenVersion] = useState(initial.version);
  const [correcting, setCorrecting] = useState<EntryDto | null>(null);
  // A new key mounts a fresh progress form: when a correction starts or is cancelled.
  const [formKey, setFormKey] = useState(0);
  const [claimOpen, setClaimOpen] = useState(false);
  const progressHeading = useRef<HTMLHeadingElement>(null);
  const hydrated = useHydrated();

  const title = bilingual(locale, item.task.titleZh, item.task.titleEn);
  const closedReason = item.notApplicable
    ? t("form.notApplicable")
    : item.status === "COMPLETED"
      ? t("form.completed")
      : item.status === "COMPLETION_CLAIMED"
        ? t("form.awaitingReview", {
            at: item.claimedAt
              ? formatDateTime(format, new Date(item.claimedAt))
              : t("form.awaitingReviewShort"),
          })
        : null;
  const writable = item.canWrite && !closedReason;

  const startCorrection = (entry: EntryDto) => {
    setCorrecting(entry);
    setFormKey((k) => k + 1);
    requestAnimationFrame(() => {
      progressHeading.current?.scrollIntoView({ block: "start", behavior: "smooth" });
      progressHeading.current?.focus({ preventScroll: true });
    });
  };

  return (
    <div
      className="space-y-5"
      data-testid="ledger-item-page"
      data-item-id={item.id}
      data-hydrated={hydrated}
    >
      <nav aria-label={t("item.back")}>
        <Link
          href="/ledger"
          className="text-sm text-brand-700 underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-brand-700"
        >
          ← {t("item.back")}
        </Link>
      </nav>
      <PageHeader
        title={
          <>
            <span className="mr-2 font-mono text-lg text-slate-600">{item.task.code}</span>
            {title}
          </>
        }
        intro={
          <span className="flex flex-wrap items-center gap-2">
            <StatusBadge status={item.status} />
            <ColourBadge colour={item.colour} />
            {item.status === "COMPLETION_CLAIMED" && (
              <span
                className="text-sm font-medium text-amber-900"
                data-testid="awaiting-review-badge"
              >
                {t("form.awaitingReviewShort")}
              </span>
            )}
          </span>
        }
      />
      {!item.canWrite && (
        <p
          className="rounded-md border border-slate-200 bg-white px-3 py-2 text-sm text-slate-700"
          data-testid="read-only-note"
        >
          {t("item.readOnly")}
        </p>
      )}

      {canIssueNotice && item.status !== "COMPLETED" && !item.notApplicable && (
        <div>
          <IssueNoticeLink itemId={item.id} />
        </div>
      )}

      {ownerActions && <div className="flex flex-wrap gap-2">{ownerActions}</div>}

      <Section id="overview" title={t("item.overview")}>
        <ItemOverview item={item} />
      </Section>

      {item.notices.length > 0 && (
        <Section id="notices" title={t("notices.heading")}>
          <Notices notices={item.notices} />
        </Section>
      )}

      {item.canWrite && closedReason && <ClosedNotice item={item} reason={closedReason} />}

      {writable && (
        <>
          <RecordSection
            item={item}
            periods={periods}
            seenVersion={seenVersion}
            onVersionSeen={setSeenVersion}
            correcting={correcting}
            formKey={formKey}
            onCancelCorrection={() => {
              setCorrecting(null);
              setFormKey((k) => k + 1);
            }}
            onSaved={() => setCorrecting(null)}
            headingRef={progressHeading}
          />
          <ClaimSection
            item={item}
            periods={periods}
            seenVersion={seenVersion}
            onVersionSeen={setSeenVersion}
            open={claimOpen}
            onToggle={() => setClaimOpen((v) => !v)}
          />
        </>
      )}

      <Section id="indicators" title={t("indicators.heading")}>
        {item.indicators.length === 0 ? (
          <p className="text-sm text-slate-700">{t("indicators.empty")}</p>
        ) : (
          <div className="grid gap-4 lg:grid-cols-2">
            {item.indicators.map((indicator) => (
              <IndicatorCard key={indicator.id} indicator={indicator} />
            ))}
          </div>
        )}
      </Section>

      <Section id="timeline" title={t("timeline.heading")} description={t("timeline.intro")}>
        <Timeline
          item={item}
          comments={comments}
          onCorrect={writable ? startCorrection : undefined}
        />
      </Section>

      <Section id="comments" title={t("comments.heading")}>
        <CommentForm itemId={item.id} />
      </Section>

      {item.notices.length === 0 && (
        <Section id="notices" title={t("notices.heading")}>
          <Notices notices={item.notices} />
        </Section>
      )}
    </div>
  );
}
