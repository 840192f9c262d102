import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import { REVIEW_PAGE_SIZE, parseReviewFilter } from "@/lib/review/query-options";
import { ReviewQueue } from "@/components/review/review-queue";
import { requireActor } from "@/lib/auth/session";
import { listScopeRoots } from "@/lib/enterprises/queries";
import { listReviewQueue } from "@/lib/review/queue";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("review");
  return { title: t("title") };
}

/**
 * The review queue: for SASAC reviewers, entries and completion claims awaiting their decision;
 * for a group's liaison, subsidiaries' claims to confirm. The first page renders here.
 */
export default async function ReviewPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requireActor();
  const t = await getTranslations("review");
  const reviews = actor.role === "REVIEWER" || actor.role === "LIAISON";
  if (!reviews) {
    return (
      <div className="space-y-5" data-testid="review-page">
        <PageHeader title={t("heading")} />
        <p
          className="rounded-md border border-slate-200 bg-white px-4 py-3 text-sm text-slate-700"
          data-testid="review-not-for-role"
        >
          {t("notForRole")}
        </p>
      </div>
    );
  }
  const filter = parseReviewFilter(await searchParams);
  const [firstPage, roots] = await Promise.all([
    listReviewQueue(actor, { ...filter, late: filter.late, limit: REVIEW_PAGE_SIZE }),
    listScopeRoots(actor),
  ]);
  return (
    <div className="space-y-5" data-testid="review-page">
      <PageHeader
        title={t("heading")}
        intro={actor.role === "LIAISON" ? t("introLiaison") : t("introReviewer")}
      />
      <ReviewQueue
        initialFilter={filter}
        initialPage={firstPage}
        renderedAt={readClock()}
        enterprises={roots.map(({ id, code, nameZh, nameEn }) => ({ id, code, nameZh, nameEn }))}
      />
    </div>
  );
}

/** When the server read the queue (the client counts its copy as fresh from then). */
function readClock() {
  return Date.now();
}
