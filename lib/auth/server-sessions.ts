import "server-only";
import type { DbTx } from "@/lib/db/client";

/** A session ends this long after sign-in however often its cookie is refreshed. */
export const SESSION_ABSOLUTE_MS = 12 * 60 * 60_000;
/** Without any request for this long the cookie itself expires (next-auth's maxAge). */
export const SESSION_IDLE_SECONDS = 8 * 60 * 60;
/** Ended sessions are kept this long for a list of one's sessions, then removed. */
const KEEP_ENDED_MS = 7 * 86_400_000;

/** Records a new session at sign-in; its id goes into the session cookie. */
export async function openSession(
  db: DbTx,
  input: { userId: string; ip: string; userAgent: string | null; now: Date },
): Promise<{ id: string; expiresAt: Date }> {
  const { userId, now } = input;
  await db.session.deleteMany({
    where: { userId, expiresAt: { lt: new Date(now.getTime() - KEEP_ENDED_MS) } },
  });
  return db.session.create({
    data: {
      userId,
      createdAt: now,
      expiresAt: new Date(now.getTime() + SESSION_ABSOLUTE_MS),
      ip: input.ip,
      userAgent: input.userAgent?.slice(0, 300) ?? null,
    },
    select: { id: true, expiresAt: true },
  });
}

/**
 * Whether a session cookie's session is still on: it exists, belongs to that user, was not
 * revoked and is within its absolute lifetime. Checked on every request that resolves a
 * signed-in actor (the jwt callback in lib/auth/options.ts).
 */
export async function isSessionLive(
  db: DbTx,
  input: { sessionId: string; userId: string; now: Date },
): Promise<boolean> {
  const session = await db.session.findUnique({
    where: { id: input.sessionId },
    select: { userId: true, expiresAt: true, revokedAt: true },
  });
  return Boolean(
    session &&
    session.userId === input.userId &&
    !session.revokedAt &&
    session.expiresAt > input.now,
  );
}
