import { createFormatter } from "use-intl/core";
import type { Locale } from "@/lib/i18n/config";
import { translator } from "@/lib/i18n/messages";
import { TIME_ZONE } from "@/lib/time";
import { deadlineText } from "./deadline-text";

/**
 * `deadlineText` in a language, for code outside React: notifications, e-mails, the PDF. Kept apart
 * from deadline-text.ts so the browser's copy of that file does not pull in every message.
 */
export function deadlineTextIn(locale: Locale, due: Date | string): string {
  const t = translator(locale);
  const format = createFormatter({ locale, timeZone: TIME_ZONE });
  return deadlineText(due, format, (date) => t("notices.endOfDay", { date }));
}
