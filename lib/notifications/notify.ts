import "server-only";
import type { DbTx } from "@/lib/db/client";
import type { NotificationKind, Prisma } from "@/lib/generated/prisma/client";
import { translator } from "@/lib/i18n/messages";
import { isLocale, DEFAULT_LOCALE, type Locale } from "@/lib/i18n/config";
import { deadlineTextIn } from "@/lib/notices/deadline-locale";
import { chinaDeadline } from "@/lib/time";

export type NotifyInput = {
  userIds: readonly string[];
  kind: NotificationKind;
  /** Values the message needs, bilingual where they are names: { taskZh, taskEn, reason, ... }. */
  params: Record<string, string | number>;
  link?: string;
  now?: Date;
};

/**
 * In-app notifications plus, for users with an e-mail address, an outbox row: both in the
 * caller's transaction, so a notification exists exactly when its event does.
 */
export async function notify(tx: DbTx, input: NotifyInput): Promise<void> {
  const userIds = [...new Set(input.userIds)];
  if (!userIds.length) return;
  const createdAt = input.now ?? new Date();
  await tx.notification.createMany({
    data: userIds.map((userId) => ({
      userId,
      kind: input.kind,
      params: input.params as Prisma.InputJsonValue,
      link: input.link ?? null,
      createdAt,
    })),
  });
  const recipients = await tx.user.findMany({
    where: { id: { in: userIds }, email: { not: null }, active: true },
    select: { email: true, locale: true },
  });
  if (recipients.length) {
    await tx.emailOutbox.createMany({
      data: recipients.map((r) => {
        const locale = isLocale(r.locale) ? r.locale : DEFAULT_LOCALE;
        const t = translator(locale);
        const text = notificationText(locale, input.kind, input.params);
        return {
          toAddress: r.email!,
          subject: `${t("app.name")}: ${text}`,
          body: `${text}\n${input.link ?? ""}`,
          createdAt,
        };
      }),
    });
  }
}

/** Picks the zh or en variant of bilingual params ("taskZh"/"taskEn" -> "task"). */
export function localisedParams(
  params: Record<string, unknown>,
  locale: string,
): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  const suffix = locale === "en" ? "En" : "Zh";
  for (const [key, value] of Object.entries(params)) {
    if (typeof value !== "string" && typeof value !== "number") continue;
    if (key.endsWith("Zh") || key.endsWith("En")) {
      if (key.endsWith(suffix)) out[key.slice(0, -2)] = value;
    } else out[key] = value;
  }
  return out;
}

/**
 * A notification's words in a reader's language: the in-app list and the e-mail use this one
 * function. A deadline (`dueAt`, an instant; older rows carry `due`, a day) reads as on the
 * notice's page (lib/notices/deadline-text.ts).
 */
export function notificationText(
  locale: Locale,
  kind: string,
  params: Record<string, unknown>,
): string {
  const values = localisedParams(params, locale);
  const dueAt =
    typeof params.dueAt === "string"
      ? params.dueAt
      : typeof params.due === "string" && /^\d{4}-\d{2}-\d{2}$/.test(params.due)
        ? chinaDeadline(params.due).toISOString()
        : null;
  values.due = dueAt ? deadlineTextIn(locale, dueAt) : "—";
  delete values.dueAt;
  return translator(locale)(`notifications.kinds.${kind}` as never, values as never);
}
