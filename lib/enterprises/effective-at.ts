import "server-only";
import { AppError } from "@/lib/errors";
import type { Locale } from "@/lib/i18n/config";
import { translator } from "@/lib/i18n/messages";
import { chinaIsoDay, startOfChinaDay } from "@/lib/time";

/**
 * The instant a reorganisation holds from: 00:00 China time of `effectiveOn`, else `now`. A day
 * in the future is refused (a change is recorded when it is decided, not scheduled).
 */
export function effectiveAt(effectiveOn: string | undefined, now: Date, locale: Locale): Date {
  if (!effectiveOn) return now;
  if (effectiveOn > chinaIsoDay(now))
    throw new AppError("validation_failed", undefined, {
      effectiveOn: translator(locale)("registry.form.dateInFuture"),
    });
  return startOfChinaDay(effectiveOn);
}
