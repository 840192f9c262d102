import "server-only";
import { recordAudit } from "@/lib/audit/record";
import type { Actor } from "@/lib/auth/policy";
import { revokeUserSessions } from "@/lib/auth/revoke-sessions";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { Locale } from "@/lib/i18n/config";
import { parseInput } from "@/lib/i18n/zod";
import { userFieldMessage } from "./managed";
import { hashPassword, passwordMatches } from "./password";
import { ChangeOwnPasswordInput } from "./schemas";

/**
 * Any signed-in user changes their own password: the current one must match, the new one has at
 * least 10 characters and is not the username. Only through a session: an API token is not a
 * person at a keyboard and must not be able to take over its owner's account.
 */
export async function changeOwnPassword(
  actor: Actor,
  options: { input: unknown; locale: Locale; requestId?: string; keepSessionId?: string },
): Promise<{ changed: true }> {
  if (actor.via !== "session") throw new AppError("forbidden");
  const input = parseInput(ChangeOwnPasswordInput, options.input, options.locale);
  const db = getDb();
  const user = await db.user.findUniqueOrThrow({
    where: { id: actor.id },
    select: { id: true, username: true, passwordHash: true },
  });
  if (!(await passwordMatches(user.passwordHash, input.currentPassword)))
    throw new AppError("validation_failed", undefined, {
      currentPassword: userFieldMessage(options.locale, "wrongCurrentPassword"),
    });
  if (input.newPassword.toLowerCase() === user.username.toLowerCase())
    throw new AppError("validation_failed", undefined, {
      newPassword: userFieldMessage(options.locale, "passwordIsUsername"),
    });
  const passwordHash = await hashPassword(input.newPassword);
  await db.$transaction(async (tx) => {
    // Only if the hash is still the one checked: two changes at once cannot both pass.
    const updated = await tx.user.updateMany({
      where: { id: user.id, passwordHash: user.passwordHash },
      data: { passwordHash, failedLogins: 0, lockedUntil: null },
    });
    if (updated.count !== 1) throw new AppError("conflict");
    await revokeUserSessions(tx, user.id, new Date(), { keepSessionId: options.keepSessionId });
    await recordAudit(tx, {
      actor,
      action: "user.changeOwnPassword",
      entityType: "User",
      entityId: user.id,
      after: { passwordChanged: true },
      requestId: options.requestId,
    });
  });
  return { changed: true };
}
