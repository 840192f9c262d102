import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import { IssueNoticeForm } from "@/components/notices/issue-notice-form";
import { table } from "@/components/ui/section";
import { can } from "@/lib/auth/policy";
import { requireActor } from "@/lib/auth/session";
import { NoticeParams } from "@/lib/notices/schemas";
import { addDays, chinaDay, isoDay } from "@/lib/time";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("notices.new");
  return { title: t("title") };
}

/** Issue a supervision notice; `?itemId=` pre-selects an item (the ledger item page links here). */
export default async function NewNoticePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requireActor();
  const t = await getTranslations("notices");
  const raw = (await searchParams).itemId;
  const itemId = NoticeParams.safeParse({ id: Array.isArray(raw) ? raw[0] : raw });
  const today = chinaDay(readClock());
  return (
    <div className="space-y-5" data-testid="new-notice-page">
      <nav aria-label={t("back")}>
        <Link href="/notices" className={`${table.link} text-sm`}>
          ← {t("back")}
        </Link>
      </nav>
      <PageHeader title={t("new.heading")} intro={t("new.intro")} />
      {can(actor, "notice.issue") ? (
        <IssueNoticeForm
          initialItemId={itemId.success ? itemId.data.id : undefined}
          defaultDueOn={isoDay(addDays(today, 14))}
          minDueOn={isoDay(today)}
        />
      ) : (
        <p
          className="rounded-md border border-slate-200 bg-white px-4 py-3 text-sm text-slate-700"
          data-testid="notice-issue-forbidden"
        >
          {t("new.notAllowed")}
        </p>
      )}
    </div>
  );
}

function readClock() {
  return new Date();
}
