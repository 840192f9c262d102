import "server-only";
import { escapeLike } from "@/lib/db/contains-pattern";
import type { Actor } from "@/lib/auth/policy";
import { getDb, type DbTx } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { isLocale } from "@/lib/i18n/config";
import { managedUsersWhere } from "./managed";
import { USER_PAGE_SIZE, type UserDto, type UserList } from "./schemas";

const named = { id: true, code: true, nameZh: true, nameEn: true } as const;

/** What a user's DTO reads: never the password hash. */
export const userSelect = {
  id: true,
  username: true,
  displayName: true,
  email: true,
  locale: true,
  role: true,
  scopeAll: true,
  active: true,
  lockedUntil: true,
  version: true,
  createdAt: true,
  scopes: {
    select: {
      supervisor: { select: named },
      enterprise: { select: { ...named, supervisorId: true } },
    },
  },
} satisfies Prisma.UserSelect;
type UserRow = Prisma.UserGetPayload<{ select: typeof userSelect }>;

export function toUserDto(row: UserRow, now: Date = new Date()): UserDto {
  return {
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    email: row.email,
    locale: isLocale(row.locale) ? row.locale : "zh-CN",
    role: row.role,
    scopeAll: row.scopeAll,
    active: row.active,
    locked: Boolean(row.lockedUntil && row.lockedUntil > now),
    lockedUntil: row.lockedUntil && row.lockedUntil > now ? row.lockedUntil.toISOString() : null,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    supervisors: row.scopes.flatMap((s) => (s.supervisor ? [s.supervisor] : [])),
    enterprises: row.scopes.flatMap((s) => (s.enterprise ? [s.enterprise] : [])),
  };
}

/** The state an audit record keeps of a user: no hash, no lock counters. */
export function auditState(user: UserDto) {
  return {
    username: user.username,
    displayName: user.displayName,
    email: user.email,
    locale: user.locale,
    role: user.role,
    scopeAll: user.scopeAll,
    active: user.active,
    supervisors: user.supervisors.map((s) => s.code),
    enterprises: user.enterprises.map((e) => e.code),
  };
}

/** The users the actor manages, by username, a keyset page at a time. */
export async function listUsers(
  actor: Actor,
  options: {
    q?: string;
    role?: UserDto["role"];
    active?: "true" | "false";
    cursor?: string;
    limit?: number;
  } = {},
): Promise<UserList> {
  const limit = options.limit ?? USER_PAGE_SIZE;
  const q = options.q?.trim();
  const rows = await getDb().user.findMany({
    where: {
      AND: [
        managedUsersWhere(actor),
        q
          ? {
              OR: [
                { username: { contains: escapeLike(q), mode: "insensitive" } },
                { displayName: { contains: escapeLike(q), mode: "insensitive" } },
              ],
            }
          : {},
        options.role ? { role: options.role } : {},
        options.active ? { active: options.active === "true" } : {},
        options.cursor ? { username: { gt: options.cursor } } : {},
      ],
    },
    select: userSelect,
    orderBy: { username: "asc" },
    take: limit + 1,
  });
  const page = rows.slice(0, limit);
  return {
    items: page.map((r) => toUserDto(r)),
    nextCursor: rows.length > limit ? (page.at(-1)?.username ?? null) : null,
  };
}

/** One user the actor manages, or null (missing and unmanaged look the same). */
export async function getUser(actor: Actor, id: string, tx: DbTx = getDb()) {
  const row = await tx.user.findFirst({
    where: { AND: [{ id }, managedUsersWhere(actor)] },
    select: userSelect,
  });
  return row ? toUserDto(row) : null;
}

/** The signed-in user's own profile (any role): the same DTO, read without the manager rule. */
export async function getOwnProfile(actor: Actor) {
  const row = await getDb().user.findUnique({ where: { id: actor.id }, select: userSelect });
  return row ? toUserDto(row) : null;
}
