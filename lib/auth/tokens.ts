import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { getDb } from "@/lib/db/client";
import { loadActor } from "./actor";
import type { Actor } from "./policy";

const PREFIX = "rl_";
/** How often `lastUsedAt` is written at most, per token. */
export const LAST_USED_EVERY_MS = 60_000;

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/**
 * A new secret and what is stored of it: the SHA-256 hash (a random 192-bit secret needs no slow
 * hash) and a short prefix to recognise it in lists. The secret itself is never stored.
 */
export function newTokenSecret() {
  const token = PREFIX + randomBytes(24).toString("base64url");
  return { token, prefix: token.slice(0, 8), tokenHash: hashToken(token) };
}

/** Creates an API token for a user; the plain token is returned once and never stored. */
export async function createApiToken(userId: string, name: string, expiresAt?: Date) {
  const { token, prefix, tokenHash } = newTokenSecret();
  const row = await getDb().apiToken.create({
    data: { userId, name, prefix, tokenHash, expiresAt },
    select: { id: true },
  });
  return { id: row.id, token };
}

/** The actor behind an `Authorization: Bearer rl_...` header, or null. */
export async function actorFromBearer(header: string | null): Promise<Actor | null> {
  const match = header?.match(/^Bearer\s+(rl_[A-Za-z0-9_-]{16,})$/);
  if (!match?.[1]) return null;
  const db = getDb();
  const row = await db.apiToken.findUnique({
    where: { tokenHash: hashToken(match[1]) },
    select: { id: true, userId: true, revokedAt: true, expiresAt: true, lastUsedAt: true },
  });
  const now = new Date();
  if (!row || row.revokedAt || (row.expiresAt && row.expiresAt <= now)) return null;
  // Record use at most once a minute: a token on a busy integration must not write on every call.
  // The condition is repeated in the write, so parallel calls of the same minute write once.
  const stale = new Date(now.getTime() - LAST_USED_EVERY_MS);
  if (!row.lastUsedAt || row.lastUsedAt < stale) {
    await db.apiToken.updateMany({
      where: { id: row.id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: stale } }] },
      data: { lastUsedAt: now },
    });
  }
  return loadActor(row.userId, "token");
}
