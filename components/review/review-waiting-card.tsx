import Link from "next/link";
import { getTranslations } from "next-intl/server";

/** The reviewer's home: how many entries wait for their decision, and the way to the queue. */
export async function ReviewWaitingCard({ count }: { count: number }) {
  const t = await getTranslations("review");
  return (
    <section
      aria-labelledby="review-waiting"
      className="flex flex-wrap items-center justify-between gap-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
      data-testid="review-waiting"
      data-count={count}
    >
      <h2 id="review-waiting" className="text-base font-semibold text-slate-900">
        {t("homeWaiting", { count })}
      </h2>
      <Link
        href="/review"
        className="rounded-md bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-900 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-700"
      >
        {t("homeOpen")}
      </Link>
    </section>
  );
}
