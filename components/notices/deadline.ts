import { useFormatter, useTranslations } from "next-intl";
import { deadlineText } from "@/lib/notices/deadline-text";

/**
 * The reply deadline as every page shows it (the notice, the notices table, an item's notices):
 * `deadlineText(notice.responseDueAt)`. The same words as the notifications, e-mails and PDF
 * (lib/notices/deadline-text.ts).
 */
export function useDeadlineText() {
  const format = useFormatter();
  const t = useTranslations("notices");
  return (iso: string) => deadlineText(iso, format, (date) => t("endOfDay", { date }));
}
