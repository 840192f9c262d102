import Link from "next/link";
import { useTranslations } from "next-intl";

/**
 * "Issue a supervision notice" for one ledger item: a link to the issue form with the item
 * chosen. Show it to reviewers only (`can(actor, "notice.issue")`); the API checks again.
 */
export function IssueNoticeLink({ itemId, className }: { itemId?: string; className?: string }) {
  const t = useTranslations("notices");
  return (
    <Link
      href={itemId ? `/notices/new?itemId=${encodeURIComponent(itemId)}` : "/notices/new"}
      data-testid="issue-notice-link"
      className={
        className ??
        "inline-flex items-center rounded-md bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-900 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-700"
      }
    >
      {itemId ? t("issueForItem") : t("issue")}
    </Link>
  );
}
