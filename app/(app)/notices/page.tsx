import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import { IssueNoticeLink } from "@/components/notices/issue-notice-link";
import { NoticesTable } from "@/components/notices/notices-table";
import { Notice } from "@/components/ui/form";
import { field } from "@/components/ui/styles";
import { Section } from "@/components/ui/section";
import { can } from "@/lib/auth/policy";
import { requireActor } from "@/lib/auth/session";
import { listNotices } from "@/lib/notices/queries";
import type { NoticeDto } from "@/lib/notices/schemas";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("notices");
  return { title: t("title") };
}

const STATUSES: NoticeDto["status"][] = ["OPEN", "ESCALATED", "REPLIED", "CLOSED"];

/** Supervision notices (督办) on items in the reader's scope; reviewers issue new ones from here. */
export default async function NoticesPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requireActor();
  const params = await searchParams;
  const raw = params.status;
  const issuedRaw = Array.isArray(params.issued) ? params.issued[0] : params.issued;
  const issued = issuedRaw ? issuedRaw.split(",").filter(Boolean).length : 0;
  const status = STATUSES.find((s) => s === (Array.isArray(raw) ? raw[0] : raw));
  const [t, notices] = await Promise.all([
    getTranslations("notices"),
    listNotices(actor, { status }),
  ]);
  const issues = can(actor, "notice.issue");
  return (
    <div className="space-y-5" data-testid="notices-page">
      <PageHeader title={t("heading")} intro={issues ? t("introReviewer") : t("introReader")}>
        {issues && <IssueNoticeLink />}
      </PageHeader>
      {issued > 0 && (
        <Notice tone="success" testId="notices-issued">
          {t("issuedMany", { count: issued })}
        </Notice>
      )}
      <Section
        id="notices"
        title={t("listHeading")}
        actions={
          <form method="get" className="flex flex-wrap items-end gap-2" data-testid="notice-filter">
            <div>
              <label htmlFor="notice-status" className={field.label}>
                {t("statusLabel")}
              </label>
              <select
                id="notice-status"
                name="status"
                defaultValue={status ?? ""}
                className={field.input()}
              >
                <option value="">{t("allStatuses")}</option>
                {STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {t(`status.${s}`)}
                  </option>
                ))}
              </select>
            </div>
            <button type="submit" className={field.secondary}>
              {t("filter")}
            </button>
          </form>
        }
      >
        {notices.length ? (
          <NoticesTable notices={notices} now={now()} />
        ) : (
          <p className="text-sm text-slate-700" data-testid="notices-empty">
            {status ? t("emptyFiltered") : t("empty")}
          </p>
        )}
      </Section>
    </div>
  );
}

function now() {
  return Date.now();
}
