import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { getDb } from "@/lib/db/client";
import { loadActor } from "./actor";
import type { Actor } from "./policy";

const PREFIX = "rl_";

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** Creates an API token for a user; the plain token is returned once and never stored. */
export async function createApiToken(userId: string, name: string, expiresAt?: Date) {
  const token = PREFIX + randomBytes(24).toString("base64url");
  const row = await getDb().apiToken.create({
    data: { userId, name, prefix: token.slice(0, 8), tokenHash: hashToken(token), expiresAt },
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
  if (!row || row.revokedAt || (row.expiresAt && row.expiresAt < new Date())) return null;
  // Record use at most once a minute: a token on a busy integration must not write on every call.
  if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > 60_000) {
    await db.apiToken.update({ where: { id: row.id }, data: { lastUsedAt: new Date() } });
  }
  return loadActor(row.userId, "token");
}
