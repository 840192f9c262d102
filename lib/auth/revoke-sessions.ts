import "server-only";
import type { DbTx } from "@/lib/db/client";

/** Ends one session (sign-out of this browser). Unknown or already ended ids are ignored. */
export async function revokeSession(db: DbTx, sessionId: string, now: Date): Promise<void> {
  await db.session.updateMany({
    where: { id: sessionId, revokedAt: null },
    data: { revokedAt: now },
  });
}

/**
 * Ends every session of a user at once: their next request is unauthenticated. Call it in the
 * transaction of a password change or reset, a deactivation or an administrator's lock. (The
 * automatic sign-in throttle does not call it: anyone could then sign anyone out.)
 */
export async function revokeUserSessions(
  tx: DbTx,
  userId: string,
  now: Date = new Date(),
  options: { keepSessionId?: string } = {},
): Promise<number> {
  const { count } = await tx.session.updateMany({
    where: {
      userId,
      revokedAt: null,
      expiresAt: { gt: now },
      // Changing one's own password ends the other devices' sessions, not the one in use.
      ...(options.keepSessionId ? { id: { not: options.keepSessionId } } : {}),
    },
    data: { revokedAt: now },
  });
  return count;
}
