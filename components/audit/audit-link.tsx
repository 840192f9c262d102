import Link from "next/link";
import { useTranslations } from "next-intl";

/**
 * Opens the audit journal filtered to one object; any object's page shows it to those who may
 * read the journal (the page itself checks again).
 */
export function AuditLink({ entityType, entityId }: { entityType: string; entityId: string }) {
  const t = useTranslations("audit");
  const href = `/audit?${new URLSearchParams({ entityType, entityId }).toString()}`;
  return (
    <Link href={href} className="text-sm text-brand-700 underline" data-testid="audit-link">
      {t("openJournal")}
    </Link>
  );
}
