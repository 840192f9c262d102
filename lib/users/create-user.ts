import "server-only";
import { recordAudit } from "@/lib/audit/record";
import { can, type Actor } from "@/lib/auth/policy";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { Locale } from "@/lib/i18n/config";
import { parseInput } from "@/lib/i18n/zod";
import { checkGrants, userFieldMessage } from "./managed";
import { generatePassword, hashPassword } from "./password";
import { auditState, toUserDto, userSelect } from "./queries";
import { CreateUserInput, type CreatedUser } from "./schemas";

/**
 * An administrator creates a user with grants under supervisors they own. Without a password one
 * is generated and answered once (only its hash is stored).
 */
export async function createUser(
  actor: Actor,
  options: { input: unknown; locale: Locale; requestId?: string },
): Promise<CreatedUser> {
  if (!can(actor, "user.manage")) throw new AppError("forbidden");
  const input = parseInput(CreateUserInput, options.input, options.locale);
  if (input.password && input.password.toLowerCase() === input.username.toLowerCase())
    throw new AppError("validation_failed", undefined, {
      password: userFieldMessage(options.locale, "passwordIsUsername"),
    });
  const generated = input.password ? null : generatePassword();
  // Hashing is slow on purpose: do it before the transaction holds a connection.
  const passwordHash = await hashPassword(input.password ?? generated!);

  return getDb().$transaction(async (tx) => {
    const grants = await checkGrants(tx, actor, input, input.scopeAll, options.locale);
    const taken = await tx.user.count({ where: { username: input.username } });
    if (taken)
      throw new AppError("validation_failed", undefined, {
        username: userFieldMessage(options.locale, "usernameTaken"),
      });
    const row = await tx.user.create({
      data: {
        username: input.username,
        displayName: input.displayName,
        email: input.email || null,
        locale: input.locale,
        role: input.role,
        scopeAll: input.scopeAll,
        passwordHash,
        scopes: {
          create: [
            ...grants.supervisorIds.map((supervisorId) => ({ supervisorId })),
            ...grants.enterpriseIds.map((enterpriseId) => ({ enterpriseId })),
          ],
        },
      },
      select: userSelect,
    });
    const user = toUserDto(row);
    await recordAudit(tx, {
      actor,
      action: "user.create",
      entityType: "User",
      entityId: user.id,
      after: { ...auditState(user), passwordGenerated: Boolean(generated) },
      requestId: options.requestId,
    });
    return { ...user, temporaryPassword: generated };
  });
}
