import "server-only";
import { recordAudit } from "@/lib/audit/record";
import { can, type Actor } from "@/lib/auth/policy";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { Locale } from "@/lib/i18n/config";
import { parseInput } from "@/lib/i18n/zod";
import { findManagedUser, userFieldMessage } from "./managed";
import { generatePassword, hashPassword } from "./password";
import { revokeUserSessions } from "@/lib/auth/revoke-sessions";
import { PasswordResetInput, type PasswordResetResult } from "./schemas";

/**
 * An administrator sets a temporary password for a user they manage (typed, or generated and
 * answered once) and unlocks the account (failed sign-ins cleared). Their own password is changed
 * through /me/password, with the current one. The audit record says that it happened, never what.
 */
export async function resetPassword(
  actor: Actor,
  options: { id: string; input: unknown; locale: Locale; requestId?: string },
): Promise<PasswordResetResult> {
  if (!can(actor, "user.manage")) throw new AppError("forbidden");
  const input = parseInput(PasswordResetInput, options.input ?? {}, options.locale);
  const generated = input.password ? null : generatePassword();
  const passwordHash = await hashPassword(input.password ?? generated!);

  return getDb().$transaction(async (tx) => {
    const user = await findManagedUser(tx, actor, options.id);
    if (user.id === actor.id) throw new AppError("forbidden");
    if (input.password && input.password.toLowerCase() === user.username.toLowerCase())
      throw new AppError("validation_failed", undefined, {
        password: userFieldMessage(options.locale, "passwordIsUsername"),
      });
    const before = await tx.user.findUniqueOrThrow({
      where: { id: user.id },
      select: { failedLogins: true, lockedUntil: true },
    });
    await tx.user.update({
      where: { id: user.id },
      data: { passwordHash, failedLogins: 0, lockedUntil: null },
    });
    await revokeUserSessions(tx, user.id);
    await recordAudit(tx, {
      actor,
      action: "user.resetPassword",
      entityType: "User",
      entityId: user.id,
      before: { failedLogins: before.failedLogins, lockedUntil: before.lockedUntil },
      after: {
        failedLogins: 0,
        lockedUntil: null,
        passwordReset: true,
        passwordGenerated: Boolean(generated),
      },
      requestId: options.requestId,
    });
    return { userId: user.id, temporaryPassword: generated, unlocked: true };
  });
}
