import "server-only";
import { can, managesSupervisor, type Actor } from "@/lib/auth/policy";
import { enterpriseScopeWhere } from "@/lib/auth/scope";
import type { DbTx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Locale } from "@/lib/i18n/config";
import { translator } from "@/lib/i18n/messages";

/**
 * The users an administrator manages: every grant of the user falls under a supervisor the
 * administrator owns (a supervisor grant names it; an enterprise grant falls under that
 * enterprise's supervisor). National administrators manage everyone; users with national scope,
 * or with no grant at all, only national administrators. Anyone else is a 404 to them.
 */
export function managedUsersWhere(actor: Actor): Prisma.UserWhereInput {
  if (!can(actor, "user.manage")) return { id: { in: [] } };
  if (actor.scopeAll) return {};
  const owned = [...actor.supervisorIds];
  if (!owned.length) return { id: { in: [] } };
  return {
    scopeAll: false,
    scopes: {
      some: {},
      // Prisma writes `every` as NOT EXISTS (... WHERE NOT cond): each branch guards its null
      // column, else NOT(NULL) hides a foreign grant and the user would count as managed.
      every: {
        OR: [
          { AND: [{ supervisorId: { not: null } }, { supervisorId: { in: owned } }] },
          {
            AND: [{ enterpriseId: { not: null } }, { enterprise: { supervisorId: { in: owned } } }],
          },
        ],
      },
    },
  };
}

/** The same rule as SQL: a condition on a user id column (for the audit journal's scope). */
export function managedUserSql(actor: Actor, userIdColumn: Prisma.Sql): Prisma.Sql {
  if (!can(actor, "user.manage")) return Prisma.sql`FALSE`;
  if (actor.scopeAll) return Prisma.sql`TRUE`;
  const owned = [...actor.supervisorIds];
  if (!owned.length) return Prisma.sql`FALSE`;
  return Prisma.sql`${userIdColumn} IN (
    SELECT mu."id" FROM "User" mu
    WHERE NOT mu."scopeAll"
      AND EXISTS (SELECT 1 FROM "UserScope" ms WHERE ms."userId" = mu."id")
      AND NOT EXISTS (
        SELECT 1 FROM "UserScope" ms
        LEFT JOIN "Enterprise" me ON me."id" = ms."enterpriseId"
        WHERE ms."userId" = mu."id"
          AND COALESCE(ms."supervisorId", me."supervisorId") <> ALL(${owned}::uuid[])))`;
}

/** A field message in the user's language, for checks zod cannot make (AppError fields). */
export function userFieldMessage(locale: Locale, key: UserFieldError): string {
  return translator(locale)(`users.errors.${key}`);
}
export type UserFieldError =
  | "usernameTaken"
  | "grantRequired"
  | "notYourSupervisor"
  | "scopeAllNational"
  | "selfDeactivate"
  | "selfRole"
  | "passwordIsUsername"
  | "wrongCurrentPassword";

export type GrantInput = { supervisorIds: string[]; enterpriseIds: string[] };

/**
 * Checks grants an administrator wants to give: each supervisor must exist and be theirs; each
 * enterprise must be within their read scope (else it is unknown to them) and under a supervisor
 * they own. Refusals are 422s on `supervisorIds` / `enterpriseIds`.
 */
export async function checkGrants(
  tx: DbTx,
  actor: Actor,
  grants: GrantInput,
  scopeAll: boolean,
  locale: Locale,
): Promise<GrantInput> {
  const supervisorIds = [...new Set(grants.supervisorIds)];
  const enterpriseIds = [...new Set(grants.enterpriseIds)];
  const fields: Record<string, string> = {};
  if (scopeAll && !actor.scopeAll) fields.scopeAll = userFieldMessage(locale, "scopeAllNational");
  if (!scopeAll && !supervisorIds.length && !enterpriseIds.length)
    fields.supervisorIds = userFieldMessage(locale, "grantRequired");

  const supervisors = await tx.supervisor.findMany({
    where: { id: { in: supervisorIds } },
    select: { id: true },
  });
  if (supervisors.length !== supervisorIds.length) fields.supervisorIds = "invalidChoice";
  else if (supervisorIds.some((id) => !managesSupervisor(actor, "user.manage", id)))
    fields.supervisorIds = userFieldMessage(locale, "notYourSupervisor");

  const enterprises = await tx.enterprise.findMany({
    where: { AND: [{ id: { in: enterpriseIds } }, enterpriseScopeWhere(actor)] },
    select: { id: true, supervisorId: true },
  });
  if (enterprises.length !== enterpriseIds.length) fields.enterpriseIds = "invalidChoice";
  else if (enterprises.some((e) => !managesSupervisor(actor, "user.manage", e.supervisorId)))
    fields.enterpriseIds = userFieldMessage(locale, "notYourSupervisor");

  if (Object.keys(fields).length) throw new AppError("validation_failed", undefined, fields);
  // National users carry no grants: their scope is everything.
  return scopeAll ? { supervisorIds: [], enterpriseIds: [] } : { supervisorIds, enterpriseIds };
}

/** A user the actor manages, for a write: missing and not managed are the same 404. */
export async function findManagedUser(tx: DbTx, actor: Actor, id: string) {
  const user = await tx.user.findFirst({
    where: { AND: [{ id }, managedUsersWhere(actor)] },
    select: { id: true, username: true, version: true, active: true, role: true },
  });
  if (!user) throw new AppError("not_found");
  return user;
}
