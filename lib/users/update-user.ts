import "server-only";
import { recordAudit } from "@/lib/audit/record";
import { can, type Actor } from "@/lib/auth/policy";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { Locale } from "@/lib/i18n/config";
import { parseInput } from "@/lib/i18n/zod";
import { checkGrants, userFieldMessage } from "./managed";
import { auditState, getUser, toUserDto, userSelect } from "./queries";
import { revokeUserSessions } from "@/lib/auth/revoke-sessions";
import { UpdateUserInput, type UserDto } from "./schemas";

/**
 * An administrator edits a user they manage: name, e-mail, language, role, grants, active. The
 * version read must still be current (else 409 with the current user). Nobody deactivates
 * themselves or changes their own role. A deactivated user is refused on their next request
 * (loadActor reads `active` every time), sessions and API tokens alike.
 */
export async function updateUser(
  actor: Actor,
  options: { id: string; input: unknown; locale: Locale; requestId?: string },
): Promise<UserDto> {
  if (!can(actor, "user.manage")) throw new AppError("forbidden");
  const input = parseInput(UpdateUserInput, options.input, options.locale);
  const { locale } = options;

  return getDb().$transaction(async (tx) => {
    const before = await getUser(actor, options.id, tx);
    if (!before) throw new AppError("not_found");
    if (before.version !== input.version)
      throw new AppError("conflict", undefined, undefined, { current: before });
    const self = before.id === actor.id;
    if (self && input.active === false)
      throw new AppError("validation_failed", undefined, {
        active: userFieldMessage(locale, "selfDeactivate"),
      });
    if (self && input.role && input.role !== before.role)
      throw new AppError("validation_failed", undefined, {
        role: userFieldMessage(locale, "selfRole"),
      });

    const regrant =
      input.supervisorIds !== undefined ||
      input.enterpriseIds !== undefined ||
      (input.scopeAll !== undefined && input.scopeAll !== before.scopeAll);
    const scopeAll = input.scopeAll ?? before.scopeAll;
    const grants = regrant
      ? await checkGrants(
          tx,
          actor,
          {
            supervisorIds: input.supervisorIds ?? before.supervisors.map((s) => s.id),
            enterpriseIds: input.enterpriseIds ?? before.enterprises.map((e) => e.id),
          },
          scopeAll,
          locale,
        )
      : null;

    const updated = await tx.user.updateMany({
      where: { id: before.id, version: before.version },
      data: {
        displayName: input.displayName,
        email: input.email === undefined ? undefined : input.email || null,
        locale: input.locale,
        role: input.role,
        scopeAll,
        active: input.active,
        version: { increment: 1 },
      },
    });
    if (updated.count !== 1)
      throw new AppError("conflict", undefined, undefined, { current: before });
    if (grants) {
      await tx.userScope.deleteMany({ where: { userId: before.id } });
      await tx.userScope.createMany({
        data: [
          ...grants.supervisorIds.map((supervisorId) => ({ userId: before.id, supervisorId })),
          ...grants.enterpriseIds.map((enterpriseId) => ({ userId: before.id, enterpriseId })),
        ],
      });
    }
    if (before.active && input.active === false) await revokeUserSessions(tx, before.id);

    const after = toUserDto(
      await tx.user.findUniqueOrThrow({ where: { id: before.id }, select: userSelect }),
    );
    await recordAudit(tx, {
      actor,
      action:
        before.active !== after.active
          ? after.active
            ? "user.reactivate"
            : "user.deactivate"
          : "user.update",
      entityType: "User",
      entityId: before.id,
      before: auditState(before),
      after: auditState(after),
      requestId: options.requestId,
    });
    return after;
  });
}
