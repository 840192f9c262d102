import "server-only";
import type { Actor } from "@/lib/auth/policy";
import { getDb } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { managedUsersWhere } from "./managed";
import { TOKEN_PAGE_SIZE, type TokenDto, type TokenList } from "./token-schemas";

export const tokenSelect = {
  id: true,
  name: true,
  prefix: true,
  userId: true,
  createdAt: true,
  lastUsedAt: true,
  expiresAt: true,
  revokedAt: true,
  user: { select: { username: true, displayName: true } },
} satisfies Prisma.ApiTokenSelect;
type TokenRow = Prisma.ApiTokenGetPayload<{ select: typeof tokenSelect }>;

export function toTokenDto(row: TokenRow, now: Date = new Date()): TokenDto {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    userId: row.userId,
    username: row.user.username,
    displayName: row.user.displayName,
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    expiresAt: row.expiresAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
    state: row.revokedAt ? "revoked" : row.expiresAt && row.expiresAt <= now ? "expired" : "active",
  };
}

/** Tokens the actor may see and revoke: their own, and those of the users they manage. */
export function visibleTokensWhere(actor: Actor): Prisma.ApiTokenWhereInput {
  const managed = managedUsersWhere(actor);
  // A national administrator manages every user; Prisma reads an empty relation filter inside OR
  // as matching nothing, so say "every token" plainly.
  if (Object.keys(managed).length === 0) return {};
  return { OR: [{ userId: actor.id }, { user: managed }] };
}

/** Tokens the actor may see, newest first (uuid v7 ids grow with time), a keyset page at a time. */
export async function listTokens(
  actor: Actor,
  options: { userId?: string; mine?: "true" | "false"; cursor?: string; limit?: number } = {},
): Promise<TokenList> {
  const limit = options.limit ?? TOKEN_PAGE_SIZE;
  const rows = await getDb().apiToken.findMany({
    where: {
      AND: [
        options.mine === "true" ? { userId: actor.id } : visibleTokensWhere(actor),
        options.userId ? { userId: options.userId } : {},
        options.cursor ? { id: { lt: options.cursor } } : {},
      ],
    },
    select: tokenSelect,
    orderBy: { id: "desc" },
    take: limit + 1,
  });
  const page = rows.slice(0, limit);
  return {
    items: page.map((r) => toTokenDto(r)),
    nextCursor: rows.length > limit ? (page.at(-1)?.id ?? null) : null,
  };
}
