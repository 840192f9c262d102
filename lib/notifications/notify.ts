import "server-only";
import type { DbTx } from "@/lib/db/client";
import type { NotificationKind, Prisma } from "@/lib/generated/prisma/client";
import { translator } from "@/lib/i18n/messages";
import { isLocale, DEFAULT_LOCALE } from "@/lib/i18n/config";

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
        const t = translator(isLocale(r.locale) ? r.locale : DEFAULT_LOCALE);
        const text = t(
          `notifications.kinds.${input.kind}` as never,
          localisedParams(input.params, r.locale) as never,
        );
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
